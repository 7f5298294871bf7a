/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /indicators: the plan's 22 main indicators (表1) with their values per
 * year, and the submission and review of reported values. */
#define G_LOG_DOMAIN "hcs-route-indicators"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-indicators.h"
#include "hcs-indicators-report.h"
#include "hcs-list-rules.h"
#include "hcs-routes.h"
#include "hcs-store-indicators.h"
#include "hcs-write.h"

#define MAX_RECORDS 1000
#define MAX_QUEUE   1000

static void
list_indicators (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonArray *items;
  gint64 year;
  int first, last;
  gboolean total;

  hc_indicator_set_get_period (hcs_indicators_get_set (), &first, &last);
  if (!hcs_request_query_int (req, "year", first, last, hcs_indicators_current_year (), &year) ||
      !hcs_request_query_bool (req, "total", &total))
    return;
  items = hcs_indicators_list (hcs_request_get_store (req), (int) year, &error);
  if (items == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_page (req, items, NULL, total ? (gint64) json_array_get_length (items) : -1);
}

/* GET /indicators/report.pdf?year=: the year's Table 1 as a PDF, every
 * indicator with its target, value, status, gap and reviewer. Audited, as
 * every export. */
static void
get_report_pdf (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(JsonNode) issued_by = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *issued_at = g_date_time_format_iso8601 (now);
  g_autofree char *disposition = NULL;
  g_autofree char *id = NULL;
  const HcsActor *actor = hcs_request_get_actor (req);
  JsonObject *audit;
  gint64 year;
  guint n_pages = 0;
  int first, last;

  hc_indicator_set_get_period (hcs_indicators_get_set (), &first, &last);
  if (!hcs_request_query_int (req, "year", first, last, hcs_indicators_current_year (), &year))
    return;
  if ((items = hcs_indicators_list (hcs_request_get_store (req), (int) year, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  /* A PDF does not pass the answer boundary: its data is masked as the
   * credit report's is, whole (reviewers' notes are free text). */
  {
    g_autoptr(JsonNode) document = json_node_new (JSON_NODE_ARRAY);

    json_node_set_array (document, items);
    hcs_request_mask_document (req, document);
    issued_by = json_node_new (JSON_NODE_VALUE);
    json_node_set_string (issued_by, actor->username);
    hcs_request_mask_document (req, issued_by);
  }
  if ((pdf = hcs_indicators_report_render (items, (int) year, json_node_get_string (issued_by), issued_at,
                                           &n_pages, &error)) == NULL)
    {
      g_warning ("table 1 of %d: %s", (int) year, error->message);
      hcs_request_reply_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, "render_failed", NULL,
                               _("The report could not be rendered; try again later."));
      return;
    }
  if ((w = hcs_write_begin (req, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  audit = json_object_new ();
  json_object_set_int_member (audit, "year", year);
  json_object_set_string_member (audit, "format", "pdf");
  json_object_set_int_member (audit, "pages", n_pages);
  id = g_strdup_printf ("%d", (int) year);
  if (!hcs_write_commit (w, "indicators.report", "indicator_report", id, NULL, audit, &error))
    {
      json_object_unref (audit);
      hcs_request_reply_gerror (req, error);
      return;
    }
  json_object_unref (audit);
  disposition = g_strdup_printf ("attachment; filename=\"table1-%d.pdf\"", (int) year);
  soup_message_headers_replace (soup_server_message_get_response_headers (hcs_request_get_message (req)),
                                "Content-Disposition", disposition);
  hcs_request_reply_bytes (req, SOUP_STATUS_OK, "application/pdf", pdf);
}

/* The indicator of the path, or %NULL after answering 404. */
static const HcIndicator *
path_indicator (HcsRequest *req)
{
  const char *key = hcs_request_param (req, "key");
  const HcIndicator *ind = hc_indicator_set_lookup (hcs_indicators_get_set (), key);

  if (ind == NULL)
    hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "key",
                             _("There is no indicator “%s” in the plan."), key);
  return ind;
}

static void
get_indicator (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  const HcIndicator *ind = path_indicator (req);
  JsonObject *obj;

  if (ind == NULL)
    return;
  obj = hcs_indicators_detail (hcs_request_get_store (req), ind, &error);
  if (obj == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_object (req, SOUP_STATUS_OK, obj);
}

/* The reported indicator and plan year of a value's path (or the baseline
 * year of an indicator counted from one, computed or not); answers 404, 409
 * (computed) or 422 (year) and returns %NULL otherwise. */
static const HcIndicator *
path_reported_value (HcsRequest *req,
                     int        *year)
{
  const HcIndicator *ind = path_indicator (req);
  const char *text = hcs_request_param (req, "year");
  gint64 y = 0;
  gboolean is_year;

  if (ind == NULL)
    return NULL;
  is_year = g_ascii_string_to_signed (text, 10, 1900, 2100, &y, NULL);
  if (hcs_indicators_is_computed (ind) && !(is_year && y == ind->baseline_year))
    {
      if (ind->baseline_year > 0)
        hcs_request_reply_error (req, HCS_ERR_COMPUTED_INDICATOR, "key",
                                 _("“%s” is computed from the data the server holds; only its baseline (%d) can be reported by hand."),
                                 ind->item, ind->baseline_year);
      else
        hcs_request_reply_error (req, HCS_ERR_COMPUTED_INDICATOR, "key",
                                 _("“%s” is computed from the data the server holds; it cannot be reported by hand."),
                                 ind->item);
      return NULL;
    }
  if (!is_year || !hcs_indicators_year_valid (ind, (int) y))
    {
      if (ind->baseline_year > 0)
        hcs_request_reply_error (req, HCS_ERR_INVALID_YEAR, "year",
                                 _("The year must be one of the plan, %d to %d, or the baseline year %d."),
                                 ind->first_year, ind->last_year, ind->baseline_year);
      else
        hcs_request_reply_error (req, HCS_ERR_INVALID_YEAR, "year",
                                 _("The year must be one of the plan, %d to %d."),
                                 ind->first_year, ind->last_year);
      return NULL;
    }
  *year = (int) y;
  return ind;
}

/* A 市县 code, or "" for the province; answers 422 and returns %FALSE for an
 * unknown code. */
static gboolean
check_region (HcsRequest  *req,
              const char  *region)
{
  if (*region == '\0' || hc_region_lookup (region) != NULL)
    return TRUE;
  hcs_request_reply_error (req, HCS_ERR_INVALID_REGION, "region",
                           _("“%s” is not the GB/T 2260 code of a city or county of Hainan."), region);
  return FALSE;
}

/* A 市县 value of an indicator that applies to 市县 only; answers 409 and
 * returns %FALSE otherwise. */
static gboolean
check_regional (HcsRequest        *req,
                const HcIndicator *ind,
                const char        *region)
{
  if (*region == '\0' || ind->regional != NULL)
    return TRUE;
  hcs_request_reply_error (req, HCS_ERR_NOT_REGIONAL, "region",
                           _("“%s” is the province’s only; it has no values per city or county."), ind->item);
  return FALSE;
}

/* The province's value of an indicator counted from its 市县 is not
 * reported in a year where 市县 have values: it follows from theirs. */
static gboolean
check_not_derived (HcsRequest        *req,
                   const HcIndicator *ind,
                   int                year,
                   const char        *region)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) rows = NULL;

  if (*region != '\0' || ind->regional == NULL || hcs_indicators_is_computed (ind))
    return TRUE;
  if ((rows = hcs_store_indicators_values (hcs_request_get_store (req), ind->key, FALSE, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *state = json_object_get_string_member (row, "state");

      if (json_object_get_int_member (row, "year") == year && *json_object_get_string_member (row, "region") != '\0'
          && (g_str_equal (state, "submitted") || g_str_equal (state, "approved")))
        {
          hcs_request_reply_error (req, HCS_ERR_DERIVED_FROM_REGIONS, "region",
                                   _("In %d the cities and counties reported “%s”: the province’s value follows from theirs. Report or correct a city’s or county’s value instead."),
                                   year, ind->item);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
value_id (const char *key,
          int         year,
          const char *region)
{
  return *region ? g_strdup_printf ("%s/%d/%s", key, year, region) : g_strdup_printf ("%s/%d", key, year);
}

static void
reply_value (HcsRequest *req,
             guint       status,
             JsonObject *value)
{
  hcs_request_set_etag (req, json_object_get_int_member (value, "version"));
  hcs_request_reply_object (req, status, value);
}

static void
get_value (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  const char *region = hcs_request_query (req, "region");
  const HcIndicator *ind;
  JsonObject *value;
  int year;

  if ((ind = path_reported_value (req, &year)) == NULL || !check_region (req, region ? region : ""))
    return;
  value = hcs_store_indicators_value_get (hcs_request_get_store (req), ind->key, year,
                                          region ? region : "", &error);
  if (value == NULL)
    hcs_request_reply_gerror (req, error);
  else
    reply_value (req, SOUP_STATUS_OK, value);
}

static void
put_value (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  const HcsActor *actor = hcs_request_get_actor (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *id = NULL;
  const char *evidence_in = NULL, *region = "";
  const HcIndicator *ind;
  JsonObject *body;
  gboolean has_if_match = hcs_request_get_header (req, "If-Match") != NULL;
  gint64 version = 0;
  double value = 0;
  int year;

  if ((ind = path_reported_value (req, &year)) == NULL || (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_double (req, body, "value", HCS_FIELD_REQUIRED, &value) ||
      !hcs_request_field_string (req, body, "evidence", HCS_FIELD_REQUIRED | HCS_FIELD_MULTILINE, &evidence_in) ||
      !hcs_request_field_string (req, body, "region", HCS_FIELD_OPTIONAL, &region) ||
      !check_region (req, region))
    return;
  if (!hcs_indicators_value_valid (ind, value))
    {
      if (ind->kind == HC_INDICATOR_KIND_MILESTONE)
        hcs_request_reply_error (req, HCS_ERR_VALUE_OUT_OF_RANGE, "value",
                                 _("A milestone is 1 when done and 0 when not."));
      else if (ind->kind == HC_INDICATOR_KIND_RATIO)
        hcs_request_reply_error (req, HCS_ERR_VALUE_OUT_OF_RANGE, "value",
                                 _("A share is given in percent, from 0 to 100."));
      else
        hcs_request_reply_error (req, HCS_ERR_VALUE_OUT_OF_RANGE, "value",
                                 _("A count is a whole number of at least 0."));
      return;
    }
  if (!check_regional (req, ind, region) || !check_not_derived (req, ind, year, region))
    return;
  /* hcs_request_field_string() refused a blank note already. */
  evidence = g_strstrip (g_strdup (evidence_in));
  if (has_if_match && !hcs_request_if_match (req, &version))
    return;
  if ((w = hcs_write_begin (req, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }

  before = hcs_store_indicators_value_get (store, ind->key, year, region, &error);
  if (before == NULL && !g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  g_clear_error (&error);

  if (before == NULL)
    {
      /* If-Match names a version of a value that is not there (any more). */
      if (has_if_match)
        {
          g_set_error (&error, HCS_STORE_ERROR, HCS_STORE_ERROR_STALE, "no value to match");
          hcs_request_reply_gerror (req, error);
          return;
        }
      if (!hcs_store_indicators_value_insert (store, ind->key, year, region, value, evidence,
                                              actor->username, &error))
        {
          hcs_request_reply_gerror (req, error);
          return;
        }
    }
  else
    {
      /* An approved value is changed only by someone who saw it. */
      if (!has_if_match && g_str_equal (json_object_get_string_member (before, "state"), "approved"))
        {
          hcs_request_if_match (req, &version);
          return;
        }
      version = has_if_match ? hcs_request_if_match_version (req, before)
                             : json_object_get_int_member (before, "version");
      if (!hcs_store_indicators_value_update (store, ind->key, year, region, version, value, evidence,
                                              actor->username, &error))
        {
          hcs_request_reply_gerror (req, error);
          return;
        }
    }

  if ((after = hcs_store_indicators_value_get (store, ind->key, year, region, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  id = value_id (ind->key, year, region);
  if (!hcs_write_commit (w, "indicator_value.submit", "indicator_value", id, before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  reply_value (req, before == NULL ? SOUP_STATUS_CREATED : SOUP_STATUS_OK, g_steal_pointer (&after));
}

static void
review_value (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  const HcsActor *actor = hcs_request_get_actor (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *id = NULL;
  const char *decision = NULL, *comment_in = "", *region = "";
  const HcIndicator *ind;
  JsonObject *body;
  gboolean approve;
  gint64 version;
  int year;

  if ((ind = path_reported_value (req, &year)) == NULL || (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_string (req, body, "decision", HCS_FIELD_REQUIRED, &decision) ||
      !hcs_request_field_string (req, body, "comment", HCS_FIELD_OPTIONAL | HCS_FIELD_MULTILINE, &comment_in) ||
      !hcs_request_field_string (req, body, "region", HCS_FIELD_OPTIONAL, &region) ||
      !check_region (req, region))
    return;
  if (!g_str_equal (decision, "approve") && !g_str_equal (decision, "return"))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_DECISION, "decision",
                               _("The decision is approve or return."));
      return;
    }
  if (!check_regional (req, ind, region))
    return;
  approve = g_str_equal (decision, "approve");
  comment = g_strstrip (g_strdup (comment_in));
  if (!approve && *comment == '\0')
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_COMMENT, "comment",
                               _("Say why the value is returned: a comment is required."));
      return;
    }
  if (!hcs_request_if_match (req, &version))
    return;
  if ((w = hcs_write_begin (req, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }

  if ((before = hcs_store_indicators_value_get (store, ind->key, year, region, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, before);
  if (json_object_get_int_member (before, "version") != version)
    {
      g_set_error (&error, HCS_STORE_ERROR, HCS_STORE_ERROR_STALE, "value changed since read");
      hcs_request_reply_gerror (req, error);
      return;
    }
  if (!g_str_equal (json_object_get_string_member (before, "state"), "submitted"))
    {
      hcs_request_reply_error (req, HCS_ERR_NOT_SUBMITTED, "decision",
                               _("Only a submitted value can be reviewed; this one is “%s”."),
                               json_object_get_string_member (before, "state"));
      return;
    }
  if (g_strcmp0 (json_object_get_string_member (before, "submitted_by"), actor->username) == 0)
    {
      hcs_request_reply_error (req, HCS_ERR_OWN_SUBMISSION, "decision",
                               _("You submitted this value; another supervisor must review it."));
      return;
    }
  if (!hcs_store_indicators_value_review (store, ind->key, year, region, version,
                                          approve ? "approved" : "returned", actor->username, comment,
                                          &error) ||
      (after = hcs_store_indicators_value_get (store, ind->key, year, region, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  id = value_id (ind->key, year, region);
  if (!hcs_write_commit (w, "indicator_value.review", "indicator_value", id, before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  reply_value (req, SOUP_STATUS_OK, g_steal_pointer (&after));
}

/* The records behind a computed value: the rows its numerator and
 * denominator count, each saying whether the numerator counts it. */
static void
list_records (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = hcs_date_today ();
  const HcIndicator *ind = path_indicator (req);
  const char *region = NULL, *kind;
  const char *text = hcs_request_param (req, "year");
  JsonArray *rows;
  gint64 year = 0, limit;
  int first, last;

  if (ind == NULL)
    return;
  if ((kind = hcs_indicators_records_kind (ind)) == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_NOT_COMPUTED, "key",
                               _("“%s” has no records behind it to list: it is reported by hand."),
                               ind->item);
      return;
    }
  hc_indicator_set_get_period (hcs_indicators_get_set (), &first, &last);
  if (!g_ascii_string_to_signed (text, 10, first, last, &year, NULL))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_YEAR, "year",
                               _("The year must be one of the plan, %d to %d."), first, last);
      return;
    }
  region = hcs_request_query (req, "region");
  if (region != NULL && (!check_region (req, region) || !check_regional (req, ind, region)))
    return;
  if (region != NULL && *region == '\0')
    region = NULL;
  if (!hcs_request_query_int (req, "limit", 1, MAX_RECORDS, 200, &limit))
    return;
  rows = hcs_store_indicators_records (hcs_request_get_store (req), kind, (int) year, region, today,
                                       (guint) limit, &error);
  if (rows == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_page (req, rows, NULL, -1);
}

/* PUT /indicators/{key}/region-target: the province sets the target of its
 * 市县 (all of them, or one with "region") and the deviation rule. */
static void
put_region_target (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  const HcsActor *actor = hcs_request_get_actor (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *id = NULL;
  const HcIndicator *ind = path_indicator (req);
  const char *region = "";
  JsonObject *body;
  double target = 0, warning_gap = 0;
  gint64 version = 0;

  if (ind == NULL || (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_double (req, body, "target", HCS_FIELD_REQUIRED, &target) ||
      !hcs_request_field_double (req, body, "warning_gap", HCS_FIELD_REQUIRED, &warning_gap) ||
      !hcs_request_field_string (req, body, "region", HCS_FIELD_OPTIONAL, &region) ||
      !check_region (req, region))
    return;
  if (ind->regional == NULL)
    {
      check_regional (req, ind, "-");
      return;
    }
  if (!hcs_indicators_value_valid (ind, target))
    {
      hcs_request_reply_error (req, HCS_ERR_VALUE_OUT_OF_RANGE, "target",
                               ind->kind == HC_INDICATOR_KIND_RATIO
                               ? _("A share is given in percent, from 0 to 100.")
                               : ind->kind == HC_INDICATOR_KIND_MILESTONE
                               ? _("A milestone is 1 when done and 0 when not.")
                               : _("A count is a whole number of at least 0."));
      return;
    }
  if (!(warning_gap >= 0 && warning_gap <= 100000))
    {
      hcs_request_reply_error (req, HCS_ERR_VALUE_OUT_OF_RANGE, "warning_gap",
                               _("The warning gap is how far short of the target a value is still a warning (预警), at least 0."));
      return;
    }
  if ((w = hcs_write_begin (req, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  before = hcs_store_indicators_region_target_get (store, ind->key, region, &error);
  if (before == NULL && !g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  g_clear_error (&error);
  /* Changing a target someone set needs the version they saw. */
  if (before != NULL)
    {
      if (!hcs_request_if_match (req, &version))
        return;
      version = hcs_request_if_match_version (req, before);
    }
  if (!hcs_store_indicators_region_target_set (store, ind->key, region, version, target, warning_gap,
                                               actor->username, &error) ||
      (after = hcs_store_indicators_region_target_get (store, ind->key, region, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  id = *region ? g_strdup_printf ("%s/%s", ind->key, region) : g_strdup (ind->key);
  if (!hcs_write_commit (w, "indicator_region_target.set", "indicator_region_target", id, before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_set_etag (req, json_object_get_int_member (after, "version"));
  hcs_request_reply_object (req, before == NULL ? SOUP_STATUS_CREATED : SOUP_STATUS_OK, g_steal_pointer (&after));
}

/* GET /indicator-reviews: every value awaiting review across indicators,
 * 市县 and years, oldest first (state=submitted); or the values returned
 * to their submitter with the reviewer's comment (state=returned, and
 * mine=1 for the caller's own). */
static void
list_reviews (HcsRequest *req)
{
  HcIndicatorSet *set = hcs_indicators_get_set ();
  g_autoptr(GError) error = NULL;
  const char *state = hcs_request_query (req, "state");
  const HcsActor *actor = hcs_request_get_actor (req);
  g_autoptr(JsonArray) rows = NULL;
  JsonArray *items;
  gboolean mine, total;

  if (!hcs_request_query_bool (req, "mine", &mine) || !hcs_request_query_bool (req, "total", &total))
    return;
  if (state == NULL)
    state = "submitted";
  if (!g_str_equal (state, "submitted") && !g_str_equal (state, "returned"))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_STATE, "state",
                               _("The state is submitted (awaiting review) or returned."));
      return;
    }
  rows = hcs_store_indicators_queue (hcs_request_get_store (req), state,
                                     mine ? actor->username : NULL,
                                     MAX_QUEUE, &error);
  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  items = json_array_new ();
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const HcIndicator *ind = hc_indicator_set_lookup (set, json_object_get_string_member (row, "indicator"));
      const char *region = json_object_get_string_member (row, "region");
      const HcRegion *r = *region ? hc_region_lookup (region) : NULL;

      if (ind == NULL)
        continue;
      json_object_set_string_member (row, "item", ind->item);
      json_object_set_string_member (row, "target_text", ind->target_text);
      json_object_set_string_member (row, "kind", hc_indicator_kind_to_key (ind->kind));
      if (ind->unit != NULL)
        json_object_set_string_member (row, "unit", ind->unit);
      else
        json_object_set_null_member (row, "unit");
      if (r != NULL)
        json_object_set_string_member (row, "region_name", r->name);
      else
        json_object_set_null_member (row, "region_name");
      json_object_set_boolean_member (row, "own", g_strcmp0 (json_object_get_string_member (row, "submitted_by"),
                                                             actor->username) == 0);
      json_array_add_object_element (items, json_object_ref (row));
    }
  hcs_request_reply_page (req, items, NULL, total ? (gint64) json_array_get_length (items) : -1);
}

static const HcsRoute routes[] = {
  { "GET",  "/indicators",                             list_indicators,   HCS_ACCESS_ANALYST },
  /* Before /indicators/{key}: the first route matching a path answers it. */
  { "GET",  "/indicators/report.pdf",                  get_report_pdf,    HCS_ACCESS_ANALYST },
  { "GET",  "/indicators/{key}",                       get_indicator,     HCS_ACCESS_ANALYST },
  { "PUT",  "/indicators/{key}/region-target",         put_region_target, HCS_ACCESS_SUPERVISOR },
  { "GET",  "/indicators/{key}/values/{year}",         get_value,         HCS_ACCESS_ANALYST },
  { "PUT",  "/indicators/{key}/values/{year}",         put_value,         HCS_ACCESS_ANALYST },
  { "GET",  "/indicators/{key}/values/{year}/records", list_records,      HCS_ACCESS_ANALYST },
  { "POST", "/indicators/{key}/values/{year}/review",  review_value,      HCS_ACCESS_SUPERVISOR },
  { "GET",  "/indicator-reviews",                      list_reviews,      HCS_ACCESS_ANALYST },
};

void
hcs_routes_indicators_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
