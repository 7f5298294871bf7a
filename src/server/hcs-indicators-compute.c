/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The indicators (表1) that the server computes from the data it holds —
 * catalog versions and collection, import errors, repairs, commitments,
 * list shares — as numerators and denominators per year, for the province
 * and, where the data has one, per 市县. The rest is hcs-indicators.c. */
#define G_LOG_DOMAIN "hcs-indicators"

#include "config.h"

#include <string.h>

#include "hcs-indicators-private.h"
#include "hcs-list-rules.h"
#include "hcs-store-indicators.h"

typedef enum
{
  COMPUTE_CATALOG_COLLECTION,
  COMPUTE_USCC_ERRORS,
  COMPUTE_OTHER_ERRORS,
  COMPUTE_REPAIR_OVERDUE,
  COMPUTE_LIST_SHARE,
  COMPUTE_CATALOG_VERSION,
  COMPUTE_COMMITMENT_FULFILMENT,
  COMPUTE_REPAIR_COMMITMENT,
} ComputeKind;

/* The indicators the server computes from the data it holds. */
static const struct
{
  const char  *key;
  ComputeKind  kind;
  const char  *list_class;
  const char  *records;     /* kind of hcs_store_indicators_records(), or NULL */
} computed[] = {
  { "catalog-annual-update",            COMPUTE_CATALOG_VERSION,       NULL,    "catalog_version" },
  { "catalog-collection-rate",          COMPUTE_CATALOG_COLLECTION,    NULL,    "catalog_items" },
  { "commitment-fulfilment-sharing",    COMPUTE_COMMITMENT_FULFILMENT, NULL,    "commitments" },
  { "uscc-error-rate",                  COMPUTE_USCC_ERRORS,           NULL,    "imports" },
  { "other-data-error-rate",            COMPUTE_OTHER_ERRORS,          NULL,    "imports" },
  { "repair-commitment-rate",           COMPUTE_REPAIR_COMMITMENT,     NULL,    "repair_commitment" },
  { "repair-overdue-rate",              COMPUTE_REPAIR_OVERDUE,        NULL,    "repair_overdue" },
  { "incentive-list-share-growth",      COMPUTE_LIST_SHARE,            "red",   "list_red" },
  { "serious-dishonesty-share-decline", COMPUTE_LIST_SHARE,            "black", "list_black" },
};

static int
computed_index (const HcIndicator *ind)
{
  for (guint i = 0; i < G_N_ELEMENTS (computed); i++)
    if (strcmp (computed[i].key, ind->key) == 0)
      return (int) i;
  return -1;
}

/**
 * hcs_indicators_records_kind:
 *
 * Returns: (nullable): the kind of records behind a computed value of @ind
 *   (see hcs_store_indicators_records()), or %NULL when there is no listing
 */
const char *
hcs_indicators_records_kind (const HcIndicator *ind)
{
  int k;

  g_return_val_if_fail (ind != NULL, NULL);
  k = computed_index (ind);
  return k >= 0 ? computed[k].records : NULL;
}

/* Returns: %TRUE when @ind is computed from the data, not reported */
gboolean
hcs_indicators_is_computed (const HcIndicator *ind)
{
  g_return_val_if_fail (ind != NULL, FALSE);
  return computed_index (ind) >= 0;
}

/* ---- Computed indicators: numerators and denominators per year ---- */

typedef struct
{
  gint64 num[MAX_YEARS];
  gint64 den[MAX_YEARS];
} Counts;

static Counts *
region_counts (GHashTable *table,
               const char *region)
{
  Counts *c = g_hash_table_lookup (table, region);

  if (c == NULL)
    {
      c = g_new0 (Counts, 1);
      g_hash_table_insert (table, g_strdup (region), c);
    }
  return c;
}

/* Adds the rows' @num_member and @den_member (either may be NULL) to the
 * province's counts and, for rows with a region, to that region's. */
static void
add_counts (JsonArray  *rows,
            int         first,
            int         last,
            const char *num_member,
            const char *den_member,
            Counts     *province,
            GHashTable *regions)
{
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      int year = (int) json_object_get_int_member (row, "year");
      gint64 num = num_member ? json_object_get_int_member (row, num_member) : 0;
      gint64 den = den_member ? json_object_get_int_member (row, den_member) : 0;
      const char *region = json_object_has_member (row, "region") && !json_object_get_null_member (row, "region")
                           ? json_object_get_string_member (row, "region") : NULL;
      guint i;

      if (year < first || year > last)
        continue;
      i = (guint) (year - first);
      province->num[i] += num;
      province->den[i] += den;
      if (region != NULL && regions != NULL)
        {
          Counts *c = region_counts (regions, region);
          c->num[i] += num;
          c->den[i] += den;
        }
    }
}

/* A year with nothing to count (denominator 0) has no value; a milestone
 * is done (1) when its numerator is. */
static void
series_from_counts (Series            *s,
                    const HcIndicator *ind,
                    const Counts      *c)
{
  for (guint i = 0; i < s->n; i++)
    {
      JsonObject *counts = json_object_new ();

      json_object_set_int_member (counts, "numerator", c->num[i]);
      json_object_set_int_member (counts, "denominator", c->den[i]);
      g_clear_pointer (&s->rows[i], json_object_unref);
      s->rows[i] = counts;
      s->v[i].has_value = c->den[i] > 0;
      s->v[i].approved = TRUE;
      if (ind->kind == HC_INDICATOR_KIND_MILESTONE)
        s->v[i].value = c->num[i] > 0 ? 1 : 0;
      else
        s->v[i].value = c->den[i] > 0 ? 100.0 * (double) c->num[i] / (double) c->den[i] : 0;
    }
}

/* Fills @province (and @regions, region code → Series, where the data has
 * a 市县) with the values of computed indicator @ind. */
gboolean
_hcs_indicators_compute (HcsStore           *store,
                         const HcIndicator  *ind,
                         HcsComputeCache    *cache,
                         Series             *province,
                         GHashTable         *regions,
                         GError            **error)
{
  int k = computed_index (ind);
  int first = province->first, last = province->first + (int) province->n - 1;
  g_autoptr(GHashTable) region_c = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonArray) rows = NULL;
  Counts province_c = { { 0, }, { 0, } };
  GHashTableIter iter;
  gpointer key, value;

  g_assert (k >= 0);
  switch (computed[k].kind)
    {
    case COMPUTE_CATALOG_COLLECTION:
      if ((rows = hcs_store_indicators_catalog_collection (store, first, last, error)) == NULL)
        return FALSE;
      add_counts (rows, first, last, "num", "den", &province_c, NULL);
      break;

    case COMPUTE_USCC_ERRORS:
    case COMPUTE_OTHER_ERRORS:
      if ((rows = hcs_store_indicators_import_errors (store, first, last, error)) == NULL)
        return FALSE;
      add_counts (rows, first, last, computed[k].kind == COMPUTE_USCC_ERRORS ? "uscc" : "other", "den",
                  &province_c, NULL);
      break;

    case COMPUTE_REPAIR_OVERDUE:
      {
        g_autofree char *today = hcs_date_today ();

        if ((rows = hcs_store_indicators_repair_overdue (store, first, last, today, error)) == NULL)
          return FALSE;
        add_counts (rows, first, last, "num", "den", &province_c, region_c);
      }
      break;

    case COMPUTE_CATALOG_VERSION:
      {
        int current = hcs_indicators_current_year ();

        /* Every year up to this one should have its published version; a
         * year without any version is not done. */
        if ((rows = hcs_store_indicators_catalog_versions (store, first, last, error)) == NULL)
          return FALSE;
        add_counts (rows, first, last, "num", NULL, &province_c, NULL);
        for (int y = first; y <= last; y++)
          if (y <= current)
            province_c.den[y - first] = 1;
        for (guint r = 0; r < json_array_get_length (rows); r++)
          province_c.den[json_object_get_int_member (json_array_get_object_element (rows, r), "year") - first] = 1;
      }
      break;

    case COMPUTE_COMMITMENT_FULFILMENT:
      if ((rows = hcs_store_indicators_commitment_fulfilment (store, first, last, error)) == NULL)
        return FALSE;
      add_counts (rows, first, last, "num", "den", &province_c, region_c);
      break;

    case COMPUTE_REPAIR_COMMITMENT:
      if ((rows = hcs_store_indicators_repair_commitment (store, first, last, error)) == NULL)
        return FALSE;
      add_counts (rows, first, last, "num", "den", &province_c, region_c);
      break;

    case COMPUTE_LIST_SHARE:
    default:
      if (cache->active_subjects == NULL &&
          (cache->active_subjects = hcs_store_indicators_active_subjects (store, first, last, error)) == NULL)
        return FALSE;
      if ((rows = hcs_store_indicators_listed_subjects (store, computed[k].list_class, first, last,
                                                        error)) == NULL)
        return FALSE;
      add_counts (rows, first, last, "num", NULL, &province_c, region_c);
      add_counts (cache->active_subjects, first, last, NULL, "den", &province_c, region_c);
      break;
    }

  series_from_counts (province, ind, &province_c);
  if (regions != NULL)
    {
      g_hash_table_iter_init (&iter, region_c);
      while (g_hash_table_iter_next (&iter, &key, &value))
        series_from_counts (_hcs_indicators_region_series (regions, key, first, last), ind, value);
    }
  return TRUE;
}
