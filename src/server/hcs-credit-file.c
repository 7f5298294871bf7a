/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 信用档案: the rules every credit-file answer follows. Disclosure comes
 * from the catalog item a record belongs to: 公开 items reach everyone,
 * 有条件共享 items signed-in staff only, 不予公开 items administrators only;
 * the public report holds 公开 items alone. Personal identifiers are
 * masked at the answer boundary (hcs-mask.c) like every answer's; only
 * the report's PDF, which does not pass it, masks them here. */
#define G_LOG_DOMAIN "hcs-credit-file"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-credit-file.h"
#include "hcs-mask.h"
#include "hcs-store-audit.h"
#include "hcs-store-subjects.h"
#include "hcs-throttle.h"

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

/* Whether the reader may see a record of an item with @disclosure. */
gboolean
hcs_credit_file_may_see (HcsRequest *req,
                         const char *disclosure)
{
  HcDisclosure d;

  return hc_disclosure_from_key (disclosure, &d) && d <= hcs_credit_file_reader_level (req);
}

/**
 * hcs_credit_file_parse_ref:
 * @raw: a path's {identifier}
 * @id: (out): the subject's row id
 *
 * A subject may be named by its row id as well as by its identifier:
 * "id:42", the id of the subjects list's row. Those who see ID numbers
 * masked open a person's file that way, without naming the number.
 *
 * Returns: whether @raw is such a reference
 */
gboolean
hcs_credit_file_parse_ref (const char *raw,
                           gint64     *id)
{
  const char *digits;
  char *end = NULL;
  gint64 value;

  if (raw == NULL || !g_str_has_prefix (raw, HCS_SUBJECT_REF_PREFIX))
    return FALSE;
  digits = raw + strlen (HCS_SUBJECT_REF_PREFIX);
  if (!g_ascii_isdigit (*digits))
    return FALSE;
  value = g_ascii_strtoll (digits, &end, 10);
  if (*end != '\0' || value <= 0)
    return FALSE;
  *id = value;
  return TRUE;
}

/* A person's file read by reference: not a look-up by the number (the
 * reader names none, and sees it masked), but a read of a person's
 * records, so it is audited. */
static gboolean
audit_person_read (HcsRequest  *req,
                   JsonObject  *subject,
                   GError     **error)
{
  g_autoptr(JsonObject) after = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *entity_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (subject, "id"));
  SoupServerMessage *msg = hcs_request_get_message (req);

  if (!g_str_equal (string_member (subject, "type"), "natural_person"))
    return TRUE;
  json_object_set_string_member (after, "method", hcs_request_get_method (req));
  json_object_set_string_member (after, "path", g_uri_get_path (soup_server_message_get_uri (msg)));
  json_node_set_object (node, after);
  return hcs_store_audit_record (hcs_request_write_store (req), hcs_request_get_actor (req), "subject.view",
                                 "subject", entity_id, NULL, node, error);
}

/**
 * hcs_credit_file_path_subject:
 *
 * The subject the path's {identifier} names (full-width or lower-case input
 * finds it too), or its reference (hcs_credit_file_parse_ref()). Answers
 * 404 (or the store's error) when there is none, and 429 past the reader's
 * limit of look-ups by ID number. A person read by reference is audited.
 *
 * Returns: (transfer full) (nullable): its stored row, unmasked
 */
JsonObject *
hcs_credit_file_path_subject (HcsRequest *req)
{
  const char *raw = hcs_request_param (req, "identifier");
  g_autofree char *identifier = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) subject = NULL;
  gint64 id = 0;

  if (hcs_credit_file_parse_ref (raw, &id))
    subject = hcs_store_subjects_get_by_id (hcs_request_get_store (req), id, &error);
  else
    {
      if (raw != NULL && g_utf8_validate (raw, -1, NULL))
        identifier = hc_uscc_normalize (raw);
      /* A person's file read by the number is a look-up by the number:
       * audited and limited as GET /subjects/{identifier} is. */
      if (identifier != NULL && !hcs_throttle_person_lookup (req, identifier))
        return NULL;
      subject = identifier ? hcs_store_subjects_get (hcs_request_get_store (req), identifier, &error) : NULL;
    }
  if (subject != NULL)
    {
      if (id > 0 && !audit_person_read (req, subject, &error))
        {
          hcs_request_reply_gerror (req, error);
          return NULL;
        }
      return g_steal_pointer (&subject);
    }
  if ((identifier == NULL && id == 0) || g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
    hcs_request_reply_error (req, SOUP_STATUS_NOT_FOUND, "not_found", "identifier",
                             _("There is no market subject with this identifier."));
  else
    hcs_request_reply_gerror (req, error);
  return NULL;
}

/* The 市县 name beside its code, and whether the answer boundary
 * (hcs-mask.c) masks the subject's ID number for this reader. */
void
hcs_credit_file_present_subject (HcsRequest *req,
                                 JsonObject *subject)
{
  const HcRegion *region = hc_region_lookup (string_member (subject, "region"));
  gboolean person = g_str_equal (string_member (subject, "type"), "natural_person");

  json_object_set_string_member (subject, "region_name", region ? region->name : "");
  json_object_set_boolean_member (subject, "identifier_masked", person && hcs_request_masks_id_numbers (req));
}

/* Masks the ID numbers in @member of @row for this reader. Only for what
 * does not pass the answer boundary: the report's PDF. */
void
hcs_credit_file_mask_member (HcsRequest *req,
                             JsonObject *row,
                             const char *member)
{
  g_autofree char *masked = NULL;

  if (!hcs_request_masks_id_numbers (req) || !json_object_has_member (row, member))
    return;
  masked = hcs_mask_text (string_member (row, member), HC_ROLE_ANALYST);
  json_object_set_string_member (row, member, masked);
}

/* The 市县 name beside the region code of each row of @rows. */
void
hcs_credit_file_present_rows (JsonArray *rows)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (json_object_has_member (row, "region"))
        {
          const HcRegion *region = hc_region_lookup (string_member (row, "region"));

          json_object_set_string_member (row, "region_name", region ? region->name : "");
        }
    }
}
