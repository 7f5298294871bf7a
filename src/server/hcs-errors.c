/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HCS_ERROR: an extended GError carrying the API code and the field. */
#define G_LOG_DOMAIN "hcs-errors"

#include "config.h"

#include "hcs-errors.h"

typedef struct
{
  const char *code;   /* static: one of hcs-errors.h */
  char       *field;
} HcsErrorPrivate;

static void
hcs_error_private_init (HcsErrorPrivate *priv)
{
  priv->code = NULL;
  priv->field = NULL;
}

static void
hcs_error_private_copy (const HcsErrorPrivate *src,
                        HcsErrorPrivate       *dest)
{
  dest->code = src->code;
  dest->field = g_strdup (src->field);
}

static void
hcs_error_private_clear (HcsErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (HcsError, hcs_error)

/**
 * hcs_error_set:
 * @status: the HTTP status (the first half of an HCS_ERR_* constant)
 * @code: (not nullable): the API code, a static string (its second half)
 * @field: (nullable): the request field at fault
 *
 * Sets @error in HCS_ERROR; the message is for a person, translated.
 */
void
hcs_error_set (GError    **error,
               guint       status,
               const char *code,
               const char *field,
               const char *format,
               ...)
{
  GError *e;
  HcsErrorPrivate *priv;
  va_list args;

  if (error == NULL)
    return;
  va_start (args, format);
  e = g_error_new_valist (HCS_ERROR, (int) status, format, args);
  va_end (args);
  priv = hcs_error_get_private (e);
  priv->code = code;
  priv->field = g_strdup (field);
  g_propagate_error (error, e);
}

/* Returns: the API code of an HCS_ERROR error, else %NULL */
const char *
hcs_error_get_code (const GError *error)
{
  HcsErrorPrivate *priv = error != NULL ? hcs_error_get_private (error) : NULL;

  return priv != NULL ? priv->code : NULL;
}

/* Returns: the field of an HCS_ERROR error, or %NULL */
const char *
hcs_error_get_field (const GError *error)
{
  HcsErrorPrivate *priv = error != NULL ? hcs_error_get_private (error) : NULL;

  return priv != NULL ? priv->field : NULL;
}
