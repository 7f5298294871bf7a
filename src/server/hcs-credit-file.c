/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 信用档案: the rules every credit-file answer follows. Disclosure comes
 * from the catalog item a record belongs to: 公开 items reach everyone,
 * 有条件共享 items signed-in staff only, 不予公开 items administrators only;
 * the public report holds 公开 items alone. Personal identifiers are
 * masked for every reader not entitled to them (个人信息保护). */
#define G_LOG_DOMAIN "hcs-credit-file"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-credit-file.h"
#include "hcs-mask.h"
#include "hcs-store-subjects.h"

static const char *
string_member (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

/* Returns: the widest disclosure the request's reader may see */
HcDisclosure
hcs_credit_file_reader_level (HcsRequest *req)
{
  if (hcs_request_has_role (req, HC_ROLE_ADMIN))
    return HC_DISCLOSURE_RESTRICTED;
  if (hcs_request_is_authenticated (req))
    return HC_DISCLOSURE_CONDITIONAL;
  return HC_DISCLOSURE_PUBLIC;
}

/* Whether the reader may see whole ID numbers: administrators only, as in
 * the subjects' answers. */
gboolean
hcs_credit_file_sees_ids (HcsRequest *req)
{
  return hcs_request_has_role (req, HC_ROLE_ADMIN);
}

/* Whether the reader may see a record of an item with @disclosure. */
gboolean
hcs_credit_file_may_see (HcsRequest *req,
                         const char *disclosure)
{
  HcDisclosure d;

  return hc_disclosure_from_key (disclosure, &d) && d <= hcs_credit_file_reader_level (req);
}

/**
 * hcs_credit_file_path_subject:
 *
 * The subject the path's {identifier} names (full-width or lower-case input
 * finds it too). Answers 404 (or the store's error) when there is none.
 *
 * Returns: (transfer full) (nullable): its stored row, unmasked
 */
JsonObject *
hcs_credit_file_path_subject (HcsRequest *req)
{
  const char *raw = hcs_request_param (req, "identifier");
  g_autofree char *identifier = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *subject;

  if (raw != NULL && g_utf8_validate (raw, -1, NULL))
    identifier = hc_uscc_normalize (raw);
  subject = identifier ? hcs_store_subjects_get (hcs_request_get_store (req), identifier, &error) : NULL;
  if (subject != NULL)
    return subject;
  if (identifier == NULL || g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
    hcs_request_reply_error (req, SOUP_STATUS_NOT_FOUND, "not_found", "identifier",
                             _("There is no market subject with this identifier."));
  else
    hcs_request_reply_gerror (req, error);
  return NULL;
}

/* The 市县 name beside its code, and a person's ID number masked unless
 * @entitled. */
void
hcs_credit_file_present_subject (JsonObject *subject,
                                 gboolean    entitled)
{
  const HcRegion *region = hc_region_lookup (string_member (subject, "region"));
  gboolean person = g_str_equal (string_member (subject, "type"), "natural_person");

  json_object_set_string_member (subject, "region_name", region ? region->name : "");
  if (person && !entitled)
    {
      g_autofree char *masked = hcs_mask_text (string_member (subject, "identifier"), HC_ROLE_ANALYST);

      json_object_set_string_member (subject, "identifier", masked);
    }
  json_object_set_boolean_member (subject, "identifier_masked", person && !entitled);
}

/* Masks an ID number in @member for a reader not @entitled to it (the
 * answer boundary masks JSON again; the report's PDF has only this). */
void
hcs_credit_file_mask_member (JsonObject *row,
                             const char *member,
                             gboolean    entitled)
{
  g_autofree char *masked = NULL;

  if (entitled || !json_object_has_member (row, member))
    return;
  masked = hcs_mask_text (string_member (row, member), HC_ROLE_ANALYST);
  json_object_set_string_member (row, member, masked);
}

/* Masks the identifiers of the records of persons in @rows. */
void
hcs_credit_file_present_rows (JsonArray *rows,
                              gboolean   entitled)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      hcs_credit_file_mask_member (row, "identifier", entitled);
      if (json_object_has_member (row, "region"))
        {
          const HcRegion *region = hc_region_lookup (string_member (row, "region"));

          json_object_set_string_member (row, "region_name", region ? region->name : "");
        }
    }
}
