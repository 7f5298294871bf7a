/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Versions of a record over HTTP: If-Match read (412/428 answered
 * here), ETag set. */
#define G_LOG_DOMAIN "hcs-request"

#include "config.h"

#include <glib/gi18n.h>

#include "hcs-request-private.h"

/* Our ETags are a record's version as a decimal number in quotes: "7". */
static gboolean
etag_version (const char *tag,
              gsize       len,
              gint64     *version)
{
  guint64 n = 0;

  if (len == 0 || len > 18 || (tag[0] == '0' && len > 1))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (tag[i]))
        return FALSE;
      n = n * 10 + (guint64) (tag[i] - '0');
    }
  *version = (gint64) n;
  return n > 0;
}

/* Parses If-Match = "*" / #entity-tag (RFC 9110 13.1.1, 8.8.3) into
 * self->if_match: the versions of the strong tags that can be ours. A weak
 * tag is well-formed but never matches (If-Match compares strongly). */
static gboolean
parse_if_match (HcsRequest *self,
                const char *value)
{
  const char *p = value;
  gboolean any_element = FALSE;

  self->if_match = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '*')
    {
      p++;
      while (*p == ' ' || *p == '\t')
        p++;
      self->if_match_any = TRUE;
      return *p == '\0';
    }
  for (;;)
    {
      gboolean weak = FALSE;
      const char *tag;
      gint64 version;

      while (*p == ' ' || *p == '\t' || *p == ',')
        p++;
      if (*p == '\0')
        break;
      if (p[0] == 'W' && p[1] == '/')
        {
          weak = TRUE;
          p += 2;
        }
      if (*p != '"')
        return FALSE;
      tag = ++p;
      /* etagc = %x21 / %x23-7E / obs-text */
      while (*p != '"')
        {
          guchar c = (guchar) *p;

          if (c == '\0' || c < 0x21 || c == 0x7f)
            return FALSE;
          p++;
        }
      if (!weak && etag_version (tag, (gsize) (p - tag), &version))
        g_array_append_val (self->if_match, version);
      p++;
      any_element = TRUE;
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p != ',' && *p != '\0')
        return FALSE;
    }
  return any_element;
}

/**
 * hcs_request_if_match:
 * @version: (out): the version the client edits, to check early; 0 when
 *   If-Match is `*` or a list, -1 when none of its tags can be current
 *
 * Writes must say which version they edit. Answers 428 when If-Match is
 * missing and 400 when it is not `*` or a list of entity tags; returns
 * %FALSE then. Once the route has read the record, it asks
 * hcs_request_if_match_version() for the version to write at.
 */
gboolean
hcs_request_if_match (HcsRequest *self,
                      gint64     *version)
{
  const char *v = soup_message_headers_get_list (soup_server_message_get_request_headers (self->msg),
                                                 "If-Match");

  *version = -1;
  if (v == NULL)
    {
      hcs_request_reply_error (self, HCS_ERR_PRECONDITION_REQUIRED, NULL,
                               _("Send the version you edit in If-Match (the ETag you read)."));
      return FALSE;
    }
  g_clear_pointer (&self->if_match, g_array_unref);
  self->if_match_any = FALSE;
  if (!parse_if_match (self, v))
    {
      g_clear_pointer (&self->if_match, g_array_unref);
      self->if_match_any = FALSE;
      hcs_request_reply_error (self, HCS_ERR_INVALID_IF_MATCH, NULL,
                               _("If-Match must be * or entity tags in quotes, such as \"3\" (the ETag you read)."));
      return FALSE;
    }
  if (self->if_match_any || self->if_match->len > 1)
    *version = 0;
  else if (self->if_match->len == 1)
    *version = g_array_index (self->if_match, gint64, 0);
  return TRUE;
}

/**
 * hcs_request_if_match_version:
 * @record: the record as it is now, with its "version"
 *
 * RFC 9110 13.1.1: If-Match holds when it is `*` (the record exists) or
 * names the record's current ETag in a strong tag.
 *
 * Returns: the record's version when If-Match holds, otherwise -1: no
 *   record has that version, so the write it is given to fails as stale
 *   (412) and changes nothing
 */
gint64
hcs_request_if_match_version (HcsRequest *self,
                              JsonObject *record)
{
  gint64 current;

  g_return_val_if_fail (self->if_match != NULL, -1);
  if (record == NULL || !json_object_has_member (record, "version"))
    return -1;
  current = json_object_get_int_member (record, "version");
  if (self->if_match_any)
    return current;
  for (guint i = 0; i < self->if_match->len; i++)
    if (g_array_index (self->if_match, gint64, i) == current)
      return current;
  return -1;
}

void
hcs_request_set_etag (HcsRequest *self,
                      gint64      version)
{
  g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);

  soup_message_headers_replace (soup_server_message_get_response_headers (self->msg), "ETag", etag);
}
