/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /risk: risk events (风险事件) and the heat map over 市县 × month/category. */
#define G_LOG_DOMAIN "hcs-route-risk"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-risk.h"
#include "hcs-rows.h"
#include "hcs-routes.h"
#include "hcs-throttle.h"
#include "hcs-store-risk.h"
#include "hcs-write.h"

#define MAX_MONTHS      120
#define DEFAULT_MONTHS  12
#define MAX_TITLE       200
#define MAX_DESCRIPTION 4000

/* Months as a count since year 0, for arithmetic on YYYY-MM. */
static gboolean
month_parse (const char *text,
             int        *out)
{
  guint64 y, m;

  if (text == NULL || strlen (text) != 7 || text[4] != '-' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[2]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]))
    return FALSE;
  y = g_ascii_strtoull (text, NULL, 10);
  m = g_ascii_strtoull (text + 5, NULL, 10);
  if (y < 1900 || y > 2999 || m < 1 || m > 12)
    return FALSE;
  *out = (int) (y * 12 + m - 1);
  return TRUE;
}

static char *
month_format (int month)
{
  return g_strdup_printf ("%04d-%02d", month / 12, month % 12 + 1);
}

static int
month_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_get_year (now) * 12 + g_date_time_get_month (now) - 1;
}

/* Reads an optional YYYY-MM query parameter; answers 400 when malformed. */
static gboolean
query_month (HcsRequest *req,
             const char *name,
             int        *out,
             gboolean   *present)
{
  const char *v = hcs_request_query (req, name);

  *present = v != NULL;
  if (v == NULL || month_parse (v, out))
    return TRUE;
  hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, name,
                           _("“%s” must be a month like 2025-03."), name);
  return FALSE;
}

static gboolean
query_category (HcsRequest  *req,
                const char **out)
{
  const char *v = hcs_request_query (req, "category");
  HcRiskCategory cat;

  *out = NULL;
  if (v == NULL || *v == '\0')
    return TRUE;
  if (!hc_risk_category_from_key (v, &cat))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "category",
                               _("“%s” is not a risk category."), v);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static void
list_events (HcsRequest *req)
{
  g_auto(HcsPage) page = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  HcsRiskFilter filter = { 0 };
  gboolean has_from, has_to;
  int from = 0, to = 0;
  gint64 total = -1;
  JsonArray *rows;

  if (!hcs_request_page (req, &page) || !query_category (req, &filter.category) ||
      !query_month (req, "from", &from, &has_from) || !query_month (req, "to", &to, &has_to) ||
      !hcs_request_query_int (req, "severity_min", 1, 5, 1, &filter.severity_min))
    return;
  filter.region = hcs_request_query (req, "region");
  if (filter.region != NULL && hc_region_lookup (filter.region) == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "region",
                               _("“%s” is not the GB/T 2260 code of one of Hainan’s 19 cities and counties."),
                               filter.region);
      return;
    }
  if (has_from && has_to && from > to)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "from",
                               _("The month “from” must not be after the month “to”."));
      return;
    }
  /* Months as a range of days, so that the date indexes serve them. */
  if (has_from)
    filter.from_day = from_text = g_strdup_printf ("%04d-%02d-01", from / 12, from % 12 + 1);
  if (has_to)
    filter.until_day = to_text = g_strdup_printf ("%04d-%02d-01", (to + 1) / 12, (to + 1) % 12 + 1);

  rows = hcs_store_risk_list (hcs_request_get_store (req), &filter, &page,
                              page.want_total ? &total : NULL, &error);
  if (rows == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_rows (req, rows, &page, "occurred_on", total);
}

static void
get_event (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonObject *event;
  gint64 id;

  if (!hcs_request_path_id (req, "id", _("There is no such risk event."), &id))
    return;
  event = hcs_store_risk_get (hcs_request_get_store (req), id, &error);
  if (event == NULL)
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "id",
                                 _("There is no such risk event."));
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_set_etag (req, json_object_get_int_member (event, "version"));
  hcs_request_reply_object (req, SOUP_STATUS_OK, event);
}

/* A calendar date YYYY-MM-DD from 2000-01-01 up to today (UTC). */
static gboolean
valid_occurred_on (const char *text)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint64 y, m, d;

  if (!g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", text, 0, 0))
    return FALSE;
  y = g_ascii_strtoull (text, NULL, 10);
  m = g_ascii_strtoull (text + 5, NULL, 10);
  d = g_ascii_strtoull (text + 8, NULL, 10);
  if (y > 9999 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  return strcmp (text, "2000-01-01") >= 0 && strcmp (text, today) <= 0;
}

static void
create_event (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  JsonObject *body = hcs_request_json_object (req);
  HcsRiskEventNew event = { 0 };
  const char *subject = NULL;
  HcRiskCategory cat;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *id_text = NULL;
  gint64 id = 0;

  if (body == NULL ||
      !hcs_request_field_string (req, body, "region", HCS_FIELD_REQUIRED, &event.region) ||
      !hcs_request_field_string (req, body, "occurred_on", HCS_FIELD_REQUIRED, &event.occurred_on) ||
      !hcs_request_field_string (req, body, "category", HCS_FIELD_REQUIRED, &event.category) ||
      !hcs_request_field_int (req, body, "severity", HCS_FIELD_REQUIRED, &event.severity) ||
      !hcs_request_field_string (req, body, "title", HCS_FIELD_REQUIRED, &event.title) ||
      !hcs_request_field_string (req, body, "description", HCS_FIELD_OPTIONAL | HCS_FIELD_MULTILINE, &event.description) ||
      !hcs_request_field_string (req, body, "subject", HCS_FIELD_OPTIONAL, &subject) ||
      !hcs_request_field_int (req, body, "department_id", HCS_FIELD_OPTIONAL, &event.department_id))
    return;

  if (hc_region_lookup (event.region) == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_REGION, "region",
                               _("“%s” is not the GB/T 2260 code of one of Hainan’s 19 cities and counties."),
                               event.region);
      return;
    }
  if (!valid_occurred_on (event.occurred_on))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_DATE, "occurred_on",
                               _("The date must be a real day like 2025-03-01, from 2000 up to today."));
      return;
    }
  if (!hc_risk_category_from_key (event.category, &cat))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_CATEGORY, "category",
                               _("“%s” is not a risk category."), event.category);
      return;
    }
  if (event.severity < 1 || event.severity > 5)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_SEVERITY, "severity",
                               _("The severity must be from 1 to 5."));
      return;
    }
  if (!g_utf8_validate (event.title, -1, NULL) || g_utf8_strlen (event.title, -1) > MAX_TITLE)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_TITLE, "title",
                               _("The title must be at most %d characters."), MAX_TITLE);
      return;
    }
  if (event.description != NULL &&
      (!g_utf8_validate (event.description, -1, NULL) ||
       g_utf8_strlen (event.description, -1) > MAX_DESCRIPTION))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_DESCRIPTION, "description",
                               _("The description must be at most %d characters."), MAX_DESCRIPTION);
      return;
    }
  if (subject != NULL && *subject != '\0' && !hcs_throttle_person_lookup (req, subject))
    return;
  event.created_by = hcs_request_get_actor (req)->username;

  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (id = hcs_risk_create_event (store, &event, subject,
                                   json_object_has_member (body, "department_id") &&
                                   !json_object_get_null_member (body, "department_id"),
                                   &after, &error)) == 0 ||
      !hcs_write_commit (w, "risk_event.create", "risk_event",
                         (id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id)), NULL, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_set_etag (req, json_object_get_int_member (after, "version"));
  hcs_request_reply_object (req, SOUP_STATUS_CREATED, g_steal_pointer (&after));
}

static void
delete_event (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *id_text = NULL;
  gint64 id, version;

  if (!hcs_request_path_id (req, "id", _("There is no such risk event."), &id) || !hcs_request_if_match (req, &version))
    return;
  if ((w = hcs_write_begin (req, &error)) != NULL &&
      (before = hcs_store_risk_get (store, id, &error)) != NULL)
    version = hcs_request_if_match_version (req, before);
  if (w == NULL || before == NULL ||
      !hcs_store_risk_delete (store, id, version, &error) ||
      !hcs_write_commit (w, "risk_event.delete", "risk_event",
                         (id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id)), before, NULL, &error))
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "id", _("There is no such risk event."));
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_no_content (req);
}

/* The heat map ---------------------------------------------------------- */

/* Each worker thread keeps its recent heat map answers for as long as the
 * database has not changed (hcs_store_risk_data_stamp): dashboards ask for
 * the same few maps again and again. */
#define HEATMAP_CACHE_MAX 64

typedef struct
{
  HcsStore   *store;
  gint64      stamp;
  GHashTable *answers;   /* canonical query → GBytes of JSON */
} HeatmapCache;

static void
heatmap_cache_free (gpointer data)
{
  HeatmapCache *cache = data;

  g_hash_table_unref (cache->answers);
  g_free (cache);
}

static GPrivate heatmap_cache_key = G_PRIVATE_INIT (heatmap_cache_free);

/* Returns: (transfer none): this thread's cache, emptied if @store changed */
static HeatmapCache *
heatmap_cache_get (HcsStore *store)
{
  HeatmapCache *cache = g_private_get (&heatmap_cache_key);
  gint64 stamp = hcs_store_risk_data_stamp (store);

  if (cache == NULL)
    {
      cache = g_new0 (HeatmapCache, 1);
      cache->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
      g_private_set (&heatmap_cache_key, cache);
    }
  if (cache->store != store || cache->stamp != stamp || stamp < 0 ||
      g_hash_table_size (cache->answers) >= HEATMAP_CACHE_MAX)
    {
      g_hash_table_remove_all (cache->answers);
      cache->store = store;
      cache->stamp = stamp;
    }
  return cache;
}

typedef struct
{
  HcsRiskGroup  group;
  gboolean      severity;   /* measure=severity: sum of severities */
  int           from;       /* first month of the columns, by=region-month */
  guint         n_columns;
  gint64       *cells;      /* HC_N_REGIONS × n_columns, row-major */
  gint64       *severities; /* nullable: the sums of severities beside the counts */
} Heatmap;

static void
heatmap_add (const char *region,
             const char *key,
             gint64      events,
             gint64      severity_sum,
             gpointer    user_data)
{
  Heatmap *map = user_data;
  const HcRegion *r = hc_region_lookup (region);
  HcRiskCategory cat;
  int column = 0;

  if (r == NULL)
    return;
  if (map->group == HCS_RISK_GROUP_REGION_MONTH)
    {
      if (!month_parse (key, &column))
        return;
      column -= map->from;
    }
  else if (map->group == HCS_RISK_GROUP_REGION_CATEGORY)
    {
      if (!hc_risk_category_from_key (key, &cat))
        return;
      column = (int) cat;
    }
  if (column < 0 || (guint) column >= map->n_columns)
    return;
  map->cells[hc_region_index (r) * map->n_columns + column] += map->severity ? severity_sum : events;
  if (map->severities != NULL)
    map->severities[hc_region_index (r) * map->n_columns + column] += severity_sum;
}

/* Fills in missing from/to: the span of the data (its last 120 months), or
 * the 12 months up to now when there is none; one bound given, the 12
 * months from or up to it. */
static gboolean
heatmap_range (HcsRequest *req,
               int        *from,
               int        *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  gboolean has_from, has_to;

  if (!query_month (req, "from", from, &has_from) || !query_month (req, "to", to, &has_to))
    return FALSE;
  if (!has_from && !has_to)
    {
      if (!hcs_store_risk_month_span (hcs_request_get_store (req), &first, &last, &error))
        {
          hcs_request_reply_gerror (req, error);
          return FALSE;
        }
      if (first != NULL && month_parse (first, from) && month_parse (last, to))
        *from = MAX (*from, *to - (MAX_MONTHS - 1));
      else
        {
          *to = month_now ();
          *from = *to - (DEFAULT_MONTHS - 1);
        }
    }
  else if (!has_to)
    *to = *from + DEFAULT_MONTHS - 1;
  else if (!has_from)
    *from = *to - (DEFAULT_MONTHS - 1);

  if (*from > *to)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "from",
                               _("The month “from” must not be after the month “to”."));
      return FALSE;
    }
  if (*to - *from + 1 > MAX_MONTHS)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "to",
                               _("The heat map spans at most %d months."), MAX_MONTHS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_choice (HcsRequest         *req,
              const char         *name,
              const char * const *choices,
              guint              *out)
{
  const char *v = hcs_request_query (req, name);
  g_autofree char *list = NULL;

  *out = 0;
  if (v == NULL)
    return TRUE;
  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (v, choices[i]))
      {
        *out = i;
        return TRUE;
      }
  list = g_strjoinv (", ", (char **) choices);
  hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, name,
                           _("“%s” must be one of: %s."), name, list);
  return FALSE;
}

static JsonArray *
string_array (GPtrArray *strings)
{
  JsonArray *array = json_array_sized_new (strings->len);

  for (guint i = 0; i < strings->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (strings, i));
  return array;
}

static void
get_heatmap (HcsRequest *req)
{
  /* The first of each is the default. */
  static const char * const by_keys[] = { "region-month", "region", "region-category", NULL };
  static const HcsRiskGroup by_groups[] = {
    HCS_RISK_GROUP_REGION_MONTH, HCS_RISK_GROUP_REGION, HCS_RISK_GROUP_REGION_CATEGORY,
  };
  static const char * const measures[] = { "count", "severity", NULL };
  static const char * const normalizations[] = { "none", "per10k", NULL };
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) populations = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) column_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) row_names = g_ptr_array_new ();
  g_autofree gint64 *cells = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *cache_key = NULL;
  g_autoptr(JsonNode) answer_node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  HeatmapCache *cache;
  GBytes *cached;
  char *text;
  gsize length;
  const HcRegion *regions;
  const char *category;
  guint by, measure, normalize;
  int from, to;
  Heatmap map = { 0 };
  JsonArray *values;
  JsonObject *answer;
  double min = 0, max = 0;
  gint64 total = 0;
  guint n_regions;

  if (!query_choice (req, "by", by_keys, &by) ||
      !query_choice (req, "measure", measures, &measure) ||
      !query_choice (req, "normalize", normalizations, &normalize) ||
      !query_category (req, &category) ||
      !heatmap_range (req, &from, &to))
    return;

  cache = heatmap_cache_get (store);
  cache_key = g_strdup_printf ("%u/%u/%u/%s/%d/%d", by, measure, normalize,
                               category ? category : "", from, to);
  cached = g_hash_table_lookup (cache->answers, cache_key);
  if (cached != NULL)
    {
      hcs_request_reply_bytes (req, SOUP_STATUS_OK, "application/json; charset=utf-8", cached);
      return;
    }

  map.group = by_groups[by];
  map.severity = measure == 1;
  map.from = from;
  switch (map.group)
    {
    case HCS_RISK_GROUP_REGION:
      g_ptr_array_add (columns, g_strdup ("total"));
      g_ptr_array_add (column_names, g_strdup (_("Total")));
      break;
    case HCS_RISK_GROUP_REGION_MONTH:
      for (int m = from; m <= to; m++)
        {
          g_ptr_array_add (columns, month_format (m));
          /* TRANSLATORS: a month in a heat map's column header: year, month */
          g_ptr_array_add (column_names, g_strdup_printf (_("%04d-%02d"), m / 12, m % 12 + 1));
        }
      break;
    case HCS_RISK_GROUP_REGION_CATEGORY:
      for (guint c = 0; c < HC_RISK_CATEGORY_N; c++)
        {
          g_ptr_array_add (columns, g_strdup (hc_risk_category_to_key ((HcRiskCategory) c)));
          g_ptr_array_add (column_names, g_strdup (hc_risk_category_label ((HcRiskCategory) c)));
        }
      break;
    default:
      g_assert_not_reached ();
    }
  map.n_columns = columns->len;
  regions = hc_regions_get_all (&n_regions);
  map.cells = cells = g_new0 (gint64, (gsize) n_regions * map.n_columns);

  from_text = month_format (from);
  to_text = month_format (to);
  if (!hcs_store_risk_rollup (store, map.group, from_text, to_text, category,
                              heatmap_add, &map, &error) ||
      (normalize == 1 && (populations = hcs_store_risk_populations (store, &error)) == NULL))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }

  values = json_array_sized_new (n_regions);
  for (guint r = 0; r < n_regions; r++)
    {
      JsonArray *row = json_array_sized_new (map.n_columns);
      double population = 0;

      g_ptr_array_add (rows, (gpointer) regions[r].code);
      g_ptr_array_add (row_names, (gpointer) regions[r].name);
      if (populations != NULL)
        population = GPOINTER_TO_INT (g_hash_table_lookup (populations, regions[r].code));
      for (guint c = 0; c < map.n_columns; c++)
        {
          gint64 raw = cells[r * map.n_columns + c];
          double v = raw;

          total += raw;
          if (populations != NULL)
            {
              v = population > 0 ? raw * 10000.0 / population : 0.0;
              json_array_add_double_element (row, v);
            }
          else
            json_array_add_int_element (row, raw);
          if ((r == 0 && c == 0) || v < min)
            min = v;
          if ((r == 0 && c == 0) || v > max)
            max = v;
        }
      json_array_add_array_element (values, row);
    }

  answer = json_object_new ();
  json_object_set_string_member (answer, "by", by_keys[by]);
  json_object_set_string_member (answer, "measure", measures[measure]);
  json_object_set_string_member (answer, "normalize", normalizations[normalize]);
  if (category != NULL)
    json_object_set_string_member (answer, "category", category);
  else
    json_object_set_null_member (answer, "category");
  json_object_set_string_member (answer, "from", from_text);
  json_object_set_string_member (answer, "to", to_text);
  json_object_set_array_member (answer, "rows", string_array (rows));
  json_object_set_array_member (answer, "row_names", string_array (row_names));
  json_object_set_array_member (answer, "columns", string_array (columns));
  json_object_set_array_member (answer, "column_names", string_array (column_names));
  json_object_set_array_member (answer, "values", values);
  if (populations != NULL)
    {
      json_object_set_double_member (answer, "min", min);
      json_object_set_double_member (answer, "max", max);
    }
  else
    {
      json_object_set_int_member (answer, "min", (gint64) min);
      json_object_set_int_member (answer, "max", (gint64) max);
    }
  json_object_set_int_member (answer, "total", total);

  answer_node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (answer_node, answer);
  generator = json_generator_new ();
  json_generator_set_root (generator, answer_node);
  text = json_generator_to_data (generator, &length);
  cached = g_bytes_new_take (text, length);
  g_hash_table_insert (cache->answers, g_steal_pointer (&cache_key), cached);
  hcs_request_reply_bytes (req, SOUP_STATUS_OK, "application/json; charset=utf-8", cached);
}

/* @value as json-glib 1.6 writes a double: %.17g, and ".0" when that
 * has no point. */
static void
append_json_double (GString *out,
                    double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g", value));
  if (strchr (buf, '.') == NULL)
    g_string_append (out, ".0");
}

/* GET /risk/heatmap/cells: the heat map's numbers as a listing, a row a
 * 市县 and column (month, category or the total, by ?by=), with the number
 * of events, the events per 10,000 residents and the sum of severities —
 * the three measures the map shows — for the same period and category. It
 * exports as every listing does. */
static void
list_heatmap_cells (HcsRequest *req)
{
  static const char * const by_keys[] = { "region-month", "region", "region-category", NULL };
  static const HcsRiskGroup by_groups[] = {
    HCS_RISK_GROUP_REGION_MONTH, HCS_RISK_GROUP_REGION, HCS_RISK_GROUP_REGION_CATEGORY,
  };
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) populations = NULL;
  g_autofree gint64 *cells = NULL;
  g_autofree gint64 *severities = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const HcRegion *regions;
  const char *category;
  Heatmap map = { 0 };
  JsonArray *rows;
  GString *text;
  guint by, n_regions;
  int from, to;

  if (!query_choice (req, "by", by_keys, &by) ||
      !query_category (req, &category) ||
      !heatmap_range (req, &from, &to))
    return;
  map.group = by_groups[by];
  map.from = from;
  map.n_columns = map.group == HCS_RISK_GROUP_REGION_MONTH ? (guint) (to - from + 1)
                  : map.group == HCS_RISK_GROUP_REGION_CATEGORY ? HC_RISK_CATEGORY_N : 1;
  regions = hc_regions_get_all (&n_regions);
  map.cells = cells = g_new0 (gint64, (gsize) n_regions * map.n_columns);
  map.severities = severities = g_new0 (gint64, (gsize) n_regions * map.n_columns);
  from_text = month_format (from);
  to_text = month_format (to);
  if (!hcs_store_risk_rollup (store, map.group, from_text, to_text, category, heatmap_add, &map, &error) ||
      (populations = hcs_store_risk_populations (store, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }

  /* The labels of the columns, the same for every 市县. */
  labels = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < map.n_columns; c++)
    {
      HcRiskCategory cat;

      if (map.group == HCS_RISK_GROUP_REGION_MONTH)
        {
          g_ptr_array_add (labels, month_format (from + (int) c));
          g_ptr_array_add (labels, month_format (from + (int) c));
        }
      else if (map.group == HCS_RISK_GROUP_REGION_CATEGORY)
        {
          g_ptr_array_add (labels, g_strdup (hc_risk_category_to_key ((HcRiskCategory) c)));
          g_ptr_array_add (labels, g_strdup (hc_risk_category_label ((HcRiskCategory) c)));
        }
      else
        {
          g_ptr_array_add (labels, g_strdup ("total"));
          g_ptr_array_add (labels, g_strdup (category != NULL && hc_risk_category_from_key (category, &cat)
                                             ? hc_risk_category_label (cat) : _("Total")));
        }
    }

  /* An answer of up to 19 × 120 rows: written out directly, as json-glib
   * would write the same objects (in a third of the time: building and
   * freeing 7 members a row took most of it); an export takes the rows. */
  rows = hcs_request_is_exporting (req) ? json_array_sized_new (n_regions * map.n_columns) : NULL;
  text = rows == NULL ? g_string_sized_new (160 * n_regions * map.n_columns + 64) : NULL;
  if (text != NULL)
    g_string_append (text, "{\"items\":[");
  for (guint r = 0; r < n_regions; r++)
    {
      double population = GPOINTER_TO_INT (g_hash_table_lookup (populations, regions[r].code));

      for (guint c = 0; c < map.n_columns; c++)
        {
          const char *column = g_ptr_array_index (labels, 2 * c);
          const char *column_name = g_ptr_array_index (labels, 2 * c + 1);
          gint64 events = cells[r * map.n_columns + c];
          gint64 severity = severities[r * map.n_columns + c];
          /* Rounded as the map's legend shows it, to two places. */
          double per_10k = population > 0 ? round (events * 10000.0 / population * 100) / 100 : 0.0;

          if (text != NULL)
            {
              g_string_append (text, r + c > 0 ? ",{\"region\":" : "{\"region\":");
              hcs_json_append_string (text, regions[r].code, -1);
              g_string_append (text, ",\"region_name\":");
              hcs_json_append_string (text, regions[r].name, -1);
              g_string_append (text, ",\"column\":");
              hcs_json_append_string (text, column, -1);
              g_string_append (text, ",\"column_name\":");
              hcs_json_append_string (text, column_name, -1);
              g_string_append_printf (text, ",\"events\":%" G_GINT64_FORMAT ",\"per_10k\":", events);
              append_json_double (text, per_10k);
              g_string_append_printf (text, ",\"severity\":%" G_GINT64_FORMAT "}", severity);
            }
          else
            {
              JsonObject *row = json_object_new ();

              json_object_set_string_member (row, "region", regions[r].code);
              json_object_set_string_member (row, "region_name", regions[r].name);
              json_object_set_string_member (row, "column", column);
              json_object_set_string_member (row, "column_name", column_name);
              json_object_set_int_member (row, "events", events);
              json_object_set_double_member (row, "per_10k", per_10k);
              json_object_set_int_member (row, "severity", severity);
              json_array_add_object_element (rows, row);
            }
        }
    }
  if (rows != NULL)
    {
      hcs_request_reply_page (req, rows, NULL, json_array_get_length (rows));
      return;
    }
  g_string_append_printf (text, "],\"next_cursor\":null,\"total\":%u}", n_regions * map.n_columns);
  bytes = g_string_free_to_bytes (text);
  hcs_request_reply_bytes (req, SOUP_STATUS_OK, "application/json; charset=utf-8", bytes);
}

static const HcsRoute routes[] = {
  { "GET",    "/risk/events",      list_events,  HCS_ACCESS_ANALYST },
  { "POST",   "/risk/events",      create_event, HCS_ACCESS_ANALYST },
  { "GET",    "/risk/events/{id}", get_event,    HCS_ACCESS_ANALYST },
  { "DELETE", "/risk/events/{id}", delete_event, HCS_ACCESS_SUPERVISOR },
  { "GET",    "/risk/heatmap",     get_heatmap,  HCS_ACCESS_ANALYST },
  { "GET",    "/risk/heatmap/cells", list_heatmap_cells, HCS_ACCESS_ANALYST },
};

void
hcs_routes_risk_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
