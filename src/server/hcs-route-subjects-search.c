/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GET /subjects: the search of 市场主体 by 市县, type, grade, status and a
 * text (a name's part or an identifier's start), paged by cursor, offset
 * or place from the end, with its total exact or estimated; pages written
 * as JSON text straight from the rows (issue 12). The other routes of
 * /subjects are hcs-route-subjects.c's. */
#define G_LOG_DOMAIN "hcs-route-subjects"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-route-subjects-private.h"
#include "hcs-store-subjects.h"
#include "hcs-throttle.h"

/* An ASCII query at least this long is taken as the start of an identifier
 * only; shorter ones may also be part of a name ("ABC科技"). */
#define IDENTIFIER_QUERY_MIN 6

/* A page of subjects as JSON text, in the shape hcs_request_reply_rows()
 * (or, with @estimate, the total=estimate answer) gives: @rows holds up to
 * the page's limit + 1 rows, the one past the limit only telling that a
 * next page exists. */
static void
reply_subjects_page (HcsRequest    *req,
                     HcsRows       *rows,
                     const HcsPage *page,
                     gboolean       by_name,
                     gint64         total,
                     gboolean       estimate,
                     gboolean       total_exact)
{
  gboolean masked = hcs_request_masks_id_numbers (req);
  guint n = hcs_rows_get_n_rows (rows);
  g_autofree char *cursor = NULL;
  GString *out;

  if (n > page->limit && page->limit > 0)
    {
      n = page->limit;
      cursor = hcs_cursor_encode (by_name ? hcs_rows_get_text (rows, n - 1, hcs_rows_column (rows, "name")) : NULL,
                                  hcs_rows_get_int (rows, n - 1, hcs_rows_column (rows, "id")));
    }
  out = g_string_sized_new (128 + (gsize) n * 400);
  g_string_append (out, "{\"items\":[");
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      hcs_subjects_append (out, rows, i, masked);
    }
  g_string_append (out, "],\"next_cursor\":");
  if (cursor != NULL)
    hcs_json_append_string (out, cursor, -1);
  else
    g_string_append (out, "null");
  if (estimate)
    g_string_append_printf (out, ",\"%s\":%" G_GINT64_FORMAT ",\"total_exact\":%s",
                            total_exact ? "total" : "total_estimate", total, total_exact ? "true" : "false");
  else if (total >= 0)
    g_string_append_printf (out, ",\"total\":%" G_GINT64_FORMAT, total);
  g_string_append_c (out, '}');
  hcs_subjects_reply_text (req, out);
}

/* GET /subjects */
void
hcs_subjects_list (HcsRequest *req)
{
  g_auto(HcsPage) page = { 0, };
  HcsSubjectFilter filter = { 0, };
  const char *q = hcs_request_query (req, "q");
  const char *sort = hcs_request_query (req, "sort");
  g_autofree char *query = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsRows) rows = NULL;
  gint64 total = -1;
  gboolean total_exact = TRUE;

  filter.region = hcs_request_query (req, "region");
  filter.type = hcs_request_query (req, "type");
  filter.grade = hcs_request_query (req, "grade");
  filter.status = hcs_request_query (req, "status");
  if (!hcs_request_page (req, &page) ||
      !hcs_subjects_check_region (req, filter.region, SOUP_STATUS_BAD_REQUEST) ||
      !hcs_subjects_check_type (req, filter.type, SOUP_STATUS_BAD_REQUEST, NULL) ||
      !hcs_subjects_check_grade (req, filter.grade, SOUP_STATUS_BAD_REQUEST) ||
      !hcs_subjects_check_status (req, filter.status, SOUP_STATUS_BAD_REQUEST))
    return;

  if (!hcs_request_query_int (req, "offset", 0, G_MAXINT32, 0, &filter.offset))
    return;
  if (!hcs_request_query_int (req, "from_end", 0, G_MAXINT32, -1, &filter.from_end))
    return;
  if (filter.from_end >= 0 && (filter.offset > 0 || hcs_request_query (req, "cursor") != NULL))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "from_end",
                               _("Ask for a page by its cursor, by its offset or by its place from the end, not more than one."));
      return;
    }
  if (filter.from_end >= 0 && sort != NULL && !g_str_equal (sort, "id"))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "from_end",
                               _("A page counted from the end is in id order only: leave out sort or use sort=id."));
      return;
    }
  if (hcs_request_is_exporting (req))
    filter.from_end = -1;
  /* total=estimate: the page at once, with the exact count when it is
   * cheap and an estimate otherwise (the exact one is total=1). */
  if (g_strcmp0 (hcs_request_query (req, "total"), "estimate") == 0 && !hcs_request_is_exporting (req))
    {
      page.want_total = TRUE;
      filter.estimate_total = TRUE;
    }
  if (filter.offset > 0 && hcs_request_query (req, "cursor") != NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "offset",
                               _("Ask for a page either by its cursor or by its offset, not both."));
      return;
    }
  /* The offset places the first page; the pages after it (an export's too)
   * go on from their cursor. */
  if (page.after_id > 0 || page.after_key != NULL)
    filter.offset = 0;

  if (sort == NULL || g_str_equal (sort, "id"))
    filter.sort = HCS_SUBJECT_SORT_ID;
  else if (g_str_equal (sort, "name"))
    filter.sort = HCS_SUBJECT_SORT_NAME;
  else if (g_str_equal (sort, "identifier"))
    filter.sort = HCS_SUBJECT_SORT_IDENTIFIER;
  else
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "sort",
                               _("Sort by id, name or identifier."));
      return;
    }

  if (q != NULL && !g_utf8_validate (q, -1, NULL))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "q",
                               _("The search text is not UTF-8 text."));
      return;
    }
  if (q != NULL)
    {
      gboolean code_like = TRUE;

      trimmed = g_strstrip (g_strdup (q));
      query = hc_uscc_normalize (q);
      for (const char *p = query; *p; p++)
        if (!g_ascii_isdigit (*p) && !g_ascii_isupper (*p))
          code_like = FALSE;
      if (*trimmed != '\0')
        {
          if (!code_like || strlen (query) < IDENTIFIER_QUERY_MIN)
            filter.name_part = trimmed;
          if (code_like && *query != '\0')
            filter.prefix = query;
        }
    }
  /* A prefix search would spell out ID numbers digit by digit; those who
   * may not see them find a person by the whole number only, which counts
   * as a look-up. */
  filter.see_persons = hcs_subjects_sees_id_numbers (req);
  if (filter.prefix != NULL && !hcs_throttle_person_lookup (req, filter.prefix))
    return;

  rows = hcs_store_subjects_list (hcs_request_get_store (req), &filter, &page, &total, &total_exact, &error);
  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  /* An export takes its pages as objects (hcs-export.c); the client, the
   * page written as text from the rows. */
  if (hcs_request_is_exporting (req))
    {
      guint n = hcs_rows_get_n_rows (rows);
      JsonArray *array = json_array_sized_new (n);

      for (guint i = 0; i < n; i++)
        {
          JsonObject *obj = hcs_rows_get_object (rows, i);

          hcs_subjects_present (obj, hcs_request_masks_id_numbers (req));
          json_array_add_object_element (array, obj);
        }
      hcs_request_reply_rows (req, array, &page,
                              filter.sort == HCS_SUBJECT_SORT_NAME ? "name" : NULL, total);
      return;
    }
  reply_subjects_page (req, rows, &page, filter.sort == HCS_SUBJECT_SORT_NAME, total,
                       filter.estimate_total, total_exact);
}
