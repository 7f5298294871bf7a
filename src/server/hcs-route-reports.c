/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 公共信用信息报告: GET /subjects/{identifier}/report.pdf issues a numbered
 * report of the subject's public credit information and records it (who,
 * when, the SHA-256 of the file); GET /reports/{number} verifies one. */
#define G_LOG_DOMAIN "hcs-route-reports"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hcs-credit-file.h"
#include "hcs-list-rules.h"
#include "hcs-report.h"
#include "hcs-routes.h"
#include "hcs-store-records.h"
#include "hcs-write.h"

/* Rows a section of the report lists at most; the rest are counted. The
 * sections are read a little further, to pick what they list from. */
#define REPORT_ROWS 300
#define READ_ROWS   2000

typedef gboolean (*RowFilter) (JsonObject *row);

static gboolean
under_publicity (JsonObject *row)
{
  return json_object_get_boolean_member (row, "under_publicity");
}

static gboolean
in_force (JsonObject *row)
{
  const char *state = json_object_get_string_member (row, "state");

  return g_str_equal (state, "published") || g_str_equal (state, "objected");
}

static gboolean
approved (JsonObject *row)
{
  return g_str_equal (json_object_get_string_member (row, "state"), "approved");
}

/* Reads a section of the subject's file as the public sees it, keeps the
 * rows @filter accepts, and counts those it leaves out past REPORT_ROWS. */
static JsonArray *
read_section (HcsRequest      *req,
              HcsFileSection   section,
              gint64           subject_id,
              const char      *today,
              RowFilter        filter,
              gint64          *more,
              GError         **error)
{
  HcsPage page = { READ_ROWS, NULL, 0, FALSE };
  g_autoptr(JsonArray) rows = NULL;
  JsonArray *kept = json_array_new ();

  rows = hcs_store_records_list (hcs_request_get_store (req), section, subject_id, HC_DISCLOSURE_PUBLIC, today,
                                 &page, NULL, error);
  if (rows == NULL)
    {
      json_array_unref (kept);
      return NULL;
    }
  *more = 0;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (filter != NULL && !filter (row))
        continue;
      if (json_array_get_length (kept) < REPORT_ROWS)
        json_array_add_object_element (kept, json_object_ref (row));
      else
        (*more)++;
    }
  hcs_credit_file_present_rows (kept);
  return kept;
}

static char *
sha256_hex (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
mask_rows (HcsRequest *req,
           JsonArray  *rows)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  json_node_set_array (node, rows);
  hcs_request_mask_document (req, node);
}

static void
mask_report (HcsRequest *req,
             HcsReport  *report)
{
  g_autoptr(JsonNode) subject = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (subject, report->subject);
  hcs_request_mask_document (req, subject);
  mask_rows (req, report->licenses);
  mask_rows (req, report->penalties);
  mask_rows (req, report->commitments);
  mask_rows (req, report->list_entries);
  mask_rows (req, report->repairs);
  mask_rows (req, report->inspections);
}

static void
get_report_pdf (HcsRequest *req)
{
  static const struct { HcsFileSection section; RowFilter filter; } sections[] = {
    { HCS_FILE_LICENSE, NULL },
    { HCS_FILE_PENALTY, under_publicity },
    { HCS_FILE_COMMITMENT, NULL },
    { HCS_FILE_LIST_ENTRY, in_force },
    { HCS_FILE_REPAIR, approved },
    { HCS_FILE_INSPECTION, NULL },
  };
  HcsStore *store = hcs_request_get_store (req);
  const HcsActor *actor = hcs_request_get_actor (req);
  g_autoptr(JsonObject) subject = NULL;
  g_autoptr(JsonObject) audit = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *today = hcs_date_today ();
  g_autofree char *number = NULL;
  g_autofree char *identifier = NULL;
  g_autofree char *issued_at = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *disposition = NULL;
  JsonArray *rows[G_N_ELEMENTS (sections)] = { NULL, };
  HcsReport report = { 0, };
  SoupMessageHeaders *headers;
  guint n_pages = 0;
  gint64 subject_id;

  if ((subject = hcs_credit_file_path_subject (req)) == NULL)
    return;
  subject_id = json_object_get_int_member (subject, "id");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if ((rows[i] = read_section (req, sections[i].section, subject_id, today, sections[i].filter,
                                 &report.more[i], &error)) == NULL)
      {
        for (guint j = 0; j < i; j++)
          json_array_unref (rows[j]);
        hcs_request_reply_gerror (req, error);
        return;
      }
  hcs_credit_file_present_subject (req, subject);
  /* The audit entry keeps the number, as the audit log does everywhere. */
  identifier = g_strdup (json_object_get_string_member (subject, "identifier"));

  number = hcs_report_new_number (now);
  report.number = number;
  report.issued_at = now;
  report.subject = subject;
  report.licenses = rows[0];
  report.penalties = rows[1];
  report.commitments = rows[2];
  report.list_entries = rows[3];
  report.repairs = rows[4];
  report.inspections = rows[5];
  /* The PDF does not pass the answer boundary: everything it is made of
   * is masked here as an answer is — the subject and every row, free text
   * included (a list entry's basis, a repair's reason, an inspector's
   * note, a commitment's matter may name a person by number). */
  mask_report (req, &report);
  pdf = hcs_report_render (&report, &n_pages, &error);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    json_array_unref (rows[i]);
  if (pdf == NULL)
    {
      g_warning ("report %s: %s", number, error->message);
      hcs_request_reply_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, "render_failed", NULL,
                               _("The report could not be rendered; try again later."));
      return;
    }
  sha = sha256_hex (pdf);
  issued_at = g_date_time_format_iso8601 (now);

  /* The report is issued once it is recorded: the record and its audit
   * entry go together, and only then does the file leave. */
  if ((w = hcs_write_begin (req, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  if (!hcs_store_reports_insert (store, number, subject_id, json_object_get_string_member (subject, "name"),
                                 actor->username, hc_role_to_key (actor->role), issued_at, sha,
                                 (gint64) g_bytes_get_size (pdf), n_pages, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  audit = json_object_new ();
  json_object_set_string_member (audit, "number", number);
  json_object_set_string_member (audit, "subject_identifier", identifier);
  json_object_set_string_member (audit, "subject_name", json_object_get_string_member (subject, "name"));
  json_object_set_string_member (audit, "sha256", sha);
  json_object_set_int_member (audit, "pages", n_pages);
  if (!hcs_write_commit (w, "report.issue", "report", number, NULL, audit, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }

  headers = soup_server_message_get_response_headers (hcs_request_get_message (req));
  disposition = g_strdup_printf ("attachment; filename=\"%s.pdf\"", number);
  soup_message_headers_replace (headers, "Content-Disposition", disposition);
  soup_message_headers_replace (headers, "X-Report-Number", number);
  soup_message_headers_replace (headers, "X-Report-SHA256", sha);
  hcs_request_reply_bytes (req, SOUP_STATUS_OK, "application/pdf", pdf);
}

static gboolean
number_like (const char *number)
{
  if (number == NULL || *number == '\0' || strlen (number) > 40)
    return FALSE;
  for (const char *p = number; *p; p++)
    if (!g_ascii_isdigit (*p) && !g_ascii_isupper (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static void
verify_report (HcsRequest *req)
{
  const char *number = hcs_request_param (req, "number");
  const char *sha = hcs_request_query (req, "sha256");
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *normalized = NULL;

  if (sha != NULL)
    {
      wanted = g_ascii_strdown (sha, -1);
      if (strlen (wanted) != 64 || strspn (wanted, "0123456789abcdef") != 64)
        {
          hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "sha256",
                                   _("The checksum is the SHA-256 of the file: 64 hexadecimal digits."));
          return;
        }
    }
  normalized = number ? g_ascii_strup (number, -1) : NULL;
  if (number_like (normalized))
    report = hcs_store_reports_get (hcs_request_get_store (req), normalized, &error);
  if (report == NULL)
    {
      if (error == NULL || g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        hcs_request_reply_error (req, SOUP_STATUS_NOT_FOUND, "not_found", "number",
                                 _("No report with this number was issued."));
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  json_object_remove_member (report, "subject_type");
  /* anyone may verify a report: who issued it is the office's business */
  json_object_remove_member (report, "issued_by");
  if (wanted != NULL)
    json_object_set_boolean_member (report, "matches",
                                    g_str_equal (wanted, json_object_get_string_member (report, "sha256")));
  hcs_request_reply_object (req, SOUP_STATUS_OK, g_steal_pointer (&report));
}

static const HcsRoute routes[] = {
  { "GET", "/subjects/{identifier}/report.pdf", get_report_pdf, HCS_ACCESS_ANALYST },
  { "GET", "/reports/{number}",                 verify_report,  HCS_ACCESS_PUBLIC },
};

void
hcs_routes_reports_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
