/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 公共信用综合评价 (四.(四).3): a grade for every market subject computed
 * from its credit file under a versioned model. A model gives each factor
 * a weight; a subject's score is the model's base score plus, for each
 * factor, its value times its weight; the model's bands turn the score
 * into A, B, C or D. Grades are recomputed when a subject's file changes
 * (the write paths call hcs_grading_regrade_subject() or
 * hcs_grading_regrade_import() in their transaction) and for everyone when
 * a model is published; the preview of a draft runs the very same pass
 * without writing, so it shows what publishing gives. Drafting, editing
 * and discarding a version: hcs-grading-drafts.c. */
#define G_LOG_DOMAIN "hcs-grading"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-errors.h"
#include "hcs-grading.h"
#include "hcs-list-rules.h"
#include "hcs-store-lists.h"

static const struct
{
  const char *key;
  const char *label;
  gint64      demo_weight;
} factors[HCS_GRADING_N_FACTORS] = {
  { "years_registered",          N_("Years since registration (at most 10)"),          2 },
  { "penalties_severe_recent",   N_("Severe penalties in the last year"),            -20 },
  { "penalties_severe_earlier",  N_("Severe penalties one to three years ago"),       -8 },
  { "penalties_minor_recent",    N_("Minor penalties in the last year"),              -6 },
  { "penalties_minor_earlier",   N_("Minor penalties one to three years ago"),        -2 },
  { "black_list_in_force",       N_("Entries in force on a blacklist"),              -50 },
  { "black_list_ended",          N_("Blacklist entries ended"),                      -10 },
  { "watch_list_in_force",       N_("Entries in force on a watch list"),             -25 },
  { "watch_list_ended",          N_("Watch list entries ended"),                      -5 },
  { "red_list_in_force",         N_("Entries in force on a red list"),                15 },
  { "commitments_kept",          N_("Commitments kept"),                               3 },
  { "commitments_broken",        N_("Commitments broken"),                           -12 },
  { "repairs_completed",         N_("Credit repairs completed"),                       4 },
  { "inspections_failed",        N_("Inspections failed in the last three years"),   -15 },
};

/* The demo model, and the start of a first draft when none was published:
 * a subject with a clean file registered seven years ago or more is A, a
 * younger one B; a recent penalty and a broken commitment make it C; an
 * entry in force on a blacklist D. */
#define DEFAULT_BASE_SCORE 66
static const gint64 default_bands[3] = { 80, 66, 50 };

static const char * const grade_keys[] = { "A", "B", "C", "D" };

const char *
hcs_grading_factor_key (guint factor)
{
  g_return_val_if_fail (factor < HCS_GRADING_N_FACTORS, NULL);
  return factors[factor].key;
}

const char *
hcs_grading_factor_label (guint factor)
{
  g_return_val_if_fail (factor < HCS_GRADING_N_FACTORS, NULL);
  return _(factors[factor].label);
}

/* Returns: the factor of @key, or -1 */
int
hcs_grading_factor_lookup (const char *key)
{
  for (guint i = 0; i < HCS_GRADING_N_FACTORS; i++)
    if (g_strcmp0 (factors[i].key, key) == 0)
      return (int) i;
  return -1;
}

static int
grade_index (const char *grade)
{
  for (guint i = 0; i < G_N_ELEMENTS (grade_keys); i++)
    if (g_strcmp0 (grade, grade_keys[i]) == 0)
      return (int) i;
  return -1;
}

/**
 * hcs_grading_model_load:
 * @json: (out) (optional) (transfer full): the model as stored
 *
 * Reads model version @id; a factor without a weight weighs 0.
 */
gboolean
hcs_grading_model_load (HcsStore         *store,
                        gint64            id,
                        HcsGradingModel  *model,
                        JsonObject      **json,
                        GError          **error)
{
  g_autoptr(JsonObject) obj = hcs_store_grading_model_get (store, id, error);
  JsonObject *weights;

  if (obj == NULL)
    return FALSE;
  memset (model, 0, sizeof *model);
  model->id = id;
  model->base_score = json_object_get_int_member (obj, "base_score");
  model->bands[0] = json_object_get_int_member (obj, "band_a");
  model->bands[1] = json_object_get_int_member (obj, "band_b");
  model->bands[2] = json_object_get_int_member (obj, "band_c");
  weights = json_object_get_object_member (obj, "weights");
  for (guint i = 0; i < HCS_GRADING_N_FACTORS; i++)
    model->weights[i] = json_object_get_int_member_with_default (weights, factors[i].key, 0);
  if (json != NULL)
    *json = g_steal_pointer (&obj);
  return TRUE;
}

/**
 * hcs_grading_model_present:
 *
 * The model as the API answers it: bands as {A, B, C}, and the factors in
 * their order, each with its label and weight.
 *
 * Returns: (transfer full): a new object
 */
JsonObject *
hcs_grading_model_present (JsonObject *model)
{
  JsonObject *out = json_object_new ();
  JsonObject *bands = json_object_new ();
  JsonArray *list = json_array_new ();
  JsonObject *weights = json_object_get_object_member (model, "weights");
  static const char * const copied[] = { "id", "state", "title", "base_score", "based_on", "version",
                                         "created_by", "created_at", "updated_at", "published_by",
                                         "published_at" };

  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    if (json_object_has_member (model, copied[i]))
      json_object_set_member (out, copied[i], json_node_copy (json_object_get_member (model, copied[i])));
  json_object_set_int_member (bands, "A", json_object_get_int_member (model, "band_a"));
  json_object_set_int_member (bands, "B", json_object_get_int_member (model, "band_b"));
  json_object_set_int_member (bands, "C", json_object_get_int_member (model, "band_c"));
  json_object_set_object_member (out, "bands", bands);
  for (guint i = 0; i < HCS_GRADING_N_FACTORS; i++)
    {
      JsonObject *f = json_object_new ();

      json_object_set_string_member (f, "factor", factors[i].key);
      json_object_set_string_member (f, "label", _(factors[i].label));
      json_object_set_int_member (f, "weight",
                                  weights ? json_object_get_int_member_with_default (weights, factors[i].key, 0) : 0);
      json_array_add_object_element (list, f);
    }
  json_object_set_array_member (out, "factors", list);
  return out;
}

/* "YYYY-MM-DD" → its parts; FALSE when it is not one. */
static gboolean
split_date (const char *text,
            int        *y,
            int        *md)
{
  if (text == NULL || strlen (text) < 10 || !g_ascii_isdigit (text[0]) || text[4] != '-' || text[7] != '-')
    return FALSE;
  *y = atoi (text);
  *md = atoi (text + 5) * 100 + atoi (text + 8);
  return TRUE;
}

static gint64
years_between (const char *from,
               const char *to)
{
  int fy, fmd, ty, tmd, years;

  if (!split_date (from, &fy, &fmd) || !split_date (to, &ty, &tmd))
    return 0;
  years = ty - fy - (tmd < fmd ? 1 : 0);
  return CLAMP (years, 0, HCS_GRADING_MAX_YEARS);
}

typedef struct
{
  gint64      values[HCS_GRADING_N_FACTORS];
  gint64      score;
  const char *grade;
} GradeResult;

static void
compute (const HcsGradingModel *model,
         const HcsGradeFacts   *facts,
         const char            *as_of,
         GradeResult           *r)
{
  r->values[0] = years_between (facts->registered_on, as_of);
  for (guint i = 0; i < HCS_GRADE_N_COUNTS; i++)
    r->values[1 + i] = facts->counts[i];
  r->score = model->base_score;
  for (guint i = 0; i < HCS_GRADING_N_FACTORS; i++)
    r->score += r->values[i] * model->weights[i];
  r->grade = r->score >= model->bands[0] ? "A" :
             r->score >= model->bands[1] ? "B" :
             r->score >= model->bands[2] ? "C" : "D";
}

/* The days of a pass as of @as_of: recent is the last year, earlier the
 * two before it. */
typedef struct
{
  char          as_of[11];
  char          recent_since[11];
  char          earlier_since[11];
  HcsGradeDays  days;
} PassDays;

static void
pass_days_init (PassDays   *p,
                const char *as_of)
{
  GDate d;

  g_assert (hcs_date_parse (as_of, &d));
  g_strlcpy (p->as_of, as_of, sizeof p->as_of);
  g_date_subtract_years (&d, 1);
  g_snprintf (p->recent_since, sizeof p->recent_since, "%04u-%02u-%02u",
              g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
  g_date_subtract_years (&d, 2);
  g_snprintf (p->earlier_since, sizeof p->earlier_since, "%04u-%02u-%02u",
              g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
  p->days.as_of = p->as_of;
  p->days.recent_since = p->recent_since;
  p->days.earlier_since = p->earlier_since;
}

/* A pass over subjects under one model: what the grades in force would be
 * (override first), tallied; written when @write. */
typedef struct
{
  HcsStore              *store;
  const HcsGradingModel *model;
  const char            *as_of;
  gboolean               write;
  gint64                 subjects;
  gint64                 changed;
  gint64                 overridden;
  gint64                 grades[4];
  gint64                 changes[5][4];   /* from A, B, C, D, none → to */
  GHashTable            *by_region;       /* code → gint64[4] */
  GHashTable            *by_industry;
  HcsGradeWriter        *writer;          /* when @write, from the first */
} Pass;

static void
pass_init (Pass                  *pass,
           HcsStore              *store,
           const HcsGradingModel *model,
           const char            *as_of,
           gboolean               write)
{
  memset (pass, 0, sizeof *pass);
  pass->store = store;
  pass->model = model;
  pass->as_of = as_of;
  pass->write = write;
  pass->by_region = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pass->by_industry = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
pass_clear (Pass *pass)
{
  g_clear_pointer (&pass->by_region, g_hash_table_unref);
  g_clear_pointer (&pass->by_industry, g_hash_table_unref);
  g_clear_pointer (&pass->writer, hcs_grade_writer_free);
}

/* After the scan: the writes still staged (over PostgreSQL). */
static gboolean
pass_finish (Pass    *pass,
             GError **error)
{
  return pass->writer == NULL || hcs_grade_writer_finish (pass->writer, error);
}

static void
tally (GHashTable *table,
       const char *key,
       int         grade)
{
  gint64 *counts = g_hash_table_lookup (table, key);

  if (counts == NULL)
    {
      counts = g_new0 (gint64, 4);
      g_hash_table_insert (table, g_strdup (key), counts);
    }
  counts[grade]++;
}

static gboolean
pass_subject (const HcsGradeFacts  *facts,
              gpointer              data,
              GError              **error)
{
  Pass *pass = data;
  GradeResult r;
  const char *in_force;
  int from, to;

  compute (pass->model, facts, pass->as_of, &r);
  in_force = facts->override_grade != NULL ? facts->override_grade : r.grade;
  from = grade_index (facts->grade);
  to = grade_index (in_force);
  g_assert (to >= 0);

  pass->subjects++;
  pass->grades[to]++;
  if (facts->override_grade != NULL)
    pass->overridden++;
  if (from != to)
    {
      pass->changed++;
      pass->changes[from < 0 ? 4 : from][to]++;
    }
  tally (pass->by_region, facts->region ? facts->region : "", to);
  tally (pass->by_industry, facts->industry ? facts->industry : "", to);

  if (!pass->write)
    return TRUE;
  if (pass->writer == NULL)
    pass->writer = hcs_grade_writer_new (pass->store);
  return hcs_grade_writer_add (pass->writer, facts->subject_id, pass->model->id, r.score, r.grade,
                               pass->as_of, from == to ? NULL : in_force, error);
}

static JsonObject *
grades_object (const gint64 counts[4])
{
  JsonObject *obj = json_object_new ();

  for (guint i = 0; i < 4; i++)
    json_object_set_int_member (obj, grade_keys[i], counts[i]);
  return obj;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static JsonArray *
breakdown (GHashTable *table,
           const char *member,
           gboolean    regions)
{
  JsonArray *rows = json_array_new ();
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (table, NULL);
  guint n = g_hash_table_size (table);

  qsort (keys, n, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *row = json_object_new ();
      const gint64 *counts = g_hash_table_lookup (table, keys[i]);

      json_object_set_string_member (row, member, keys[i]);
      if (regions)
        {
          const HcRegion *region = hc_region_lookup (keys[i]);

          json_object_set_string_member (row, "name", region ? region->name : keys[i]);
        }
      json_object_set_int_member (row, "subjects", counts[0] + counts[1] + counts[2] + counts[3]);
      json_object_set_object_member (row, "grades", grades_object (counts));
      json_array_add_object_element (rows, row);
    }
  return rows;
}

/* The distribution a pass gave, as the preview and the publish answer it. */
static JsonObject *
pass_summary (const Pass *pass)
{
  JsonObject *out = json_object_new ();
  JsonArray *changes = json_array_new ();

  json_object_set_int_member (out, "model_id", pass->model->id);
  json_object_set_string_member (out, "as_of", pass->as_of);
  json_object_set_int_member (out, "subjects", pass->subjects);
  json_object_set_int_member (out, "changed", pass->changed);
  json_object_set_int_member (out, "overridden", pass->overridden);
  json_object_set_object_member (out, "grades", grades_object (pass->grades));
  for (guint from = 0; from < 5; from++)
    for (guint to = 0; to < 4; to++)
      if (pass->changes[from][to] > 0)
        {
          JsonObject *c = json_object_new ();

          if (from < 4)
            json_object_set_string_member (c, "from", grade_keys[from]);
          else
            json_object_set_null_member (c, "from");
          json_object_set_string_member (c, "to", grade_keys[to]);
          json_object_set_int_member (c, "subjects", pass->changes[from][to]);
          json_array_add_object_element (changes, c);
        }
  json_object_set_array_member (out, "changes", changes);
  json_object_set_array_member (out, "by_region", breakdown (pass->by_region, "region", TRUE));
  json_object_set_array_member (out, "by_industry", breakdown (pass->by_industry, "industry", FALSE));
  return out;
}

static JsonObject *
run_pass (HcsStore               *store,
          const HcsGradingModel  *model,
          gboolean                write,
          GError                **error)
{
  g_autofree char *today = hcs_date_today ();
  PassDays days;
  Pass pass;
  JsonObject *summary = NULL;

  pass_days_init (&days, today);
  pass_init (&pass, store, model, days.as_of, write);
  if (hcs_store_grading_scan (store, 1, G_MAXINT64, &days.days, pass_subject, &pass, error) &&
      pass_finish (&pass, error))
    summary = pass_summary (&pass);
  pass_clear (&pass);
  return summary;
}

/**
 * hcs_grading_preview:
 *
 * What publishing model @model_id would give today: the grade distribution
 * by 市县 and industry and how many subjects would change grade. Writes
 * nothing.
 */
JsonObject *
hcs_grading_preview (HcsStore  *store,
                     gint64     model_id,
                     GError   **error)
{
  HcsGradingModel model;

  if (!hcs_grading_model_load (store, model_id, &model, NULL, error))
    return NULL;
  return run_pass (store, &model, FALSE, error);
}

/**
 * hcs_grading_publish:
 *
 * Publishes the draft @model_id at @version (the published one becomes
 * superseded, still readable) and regrades every subject under it, in the
 * caller's transaction.
 *
 * Returns: (transfer full): the pass's summary, as the preview answers it
 */
JsonObject *
hcs_grading_publish (HcsStore    *store,
                     gint64       model_id,
                     gint64       version,
                     const char  *actor,
                     GError     **error)
{
  g_autoptr(JsonObject) stored = NULL;
  HcsGradingModel model;

  if (!hcs_grading_model_load (store, model_id, &model, &stored, error))
    return NULL;
  if (!g_str_equal (json_object_get_string_member (stored, "state"), "draft"))
    {
      hcs_error_set (error, HCS_ERR_VERSION_PUBLISHED, "id",
                     _("Model version %lld is not a draft: it was published already."), (long long) model_id);
      return NULL;
    }
  if (!hcs_store_grading_model_publish (store, model_id, version, actor, error))
    return NULL;
  return run_pass (store, &model, TRUE, error);
}

/* Grades the subjects @first … @last under the published model, if any. */
static gboolean
regrade_range (HcsStore  *store,
               gint64     first,
               gint64     last,
               GError   **error)
{
  g_autofree char *today = hcs_date_today ();
  HcsGradingModel model;
  PassDays days;
  Pass pass;
  gint64 published;
  gboolean ok;

  published = hcs_store_grading_model_in_state (store, "published", error);
  if (published <= 0)
    return published == 0;
  if (!hcs_grading_model_load (store, published, &model, NULL, error))
    return FALSE;
  pass_days_init (&days, today);
  pass_init (&pass, store, &model, days.as_of, TRUE);
  ok = hcs_store_grading_scan (store, first, last, &days.days, pass_subject, &pass, error) &&
       pass_finish (&pass, error);
  pass_clear (&pass);
  return ok;
}

/* Grades the subjects @ids (in id order; @n of them) under the published
 * model, if any: the model read once, each run of consecutive ids scanned
 * at once. */
static gboolean
regrade_ids (HcsStore      *store,
             const gint64  *ids,
             guint          n,
             GError       **error)
{
  g_autofree char *today = NULL;
  HcsGradingModel model;
  PassDays days;
  Pass pass;
  gint64 published;
  gboolean ok = TRUE;

  if (n == 0)
    return TRUE;
  published = hcs_store_grading_model_in_state (store, "published", error);
  if (published <= 0)
    return published == 0;
  if (!hcs_grading_model_load (store, published, &model, NULL, error))
    return FALSE;
  today = hcs_date_today ();
  pass_days_init (&days, today);
  pass_init (&pass, store, &model, days.as_of, TRUE);
  for (guint i = 0; i < n && ok; )
    {
      guint j = i;

      while (j + 1 < n && ids[j + 1] == ids[j] + 1)
        j++;
      ok = hcs_store_grading_scan (store, ids[i], ids[j], &days.days, pass_subject, &pass, error);
      i = j + 1;
    }
  ok = ok && pass_finish (&pass, error);
  pass_clear (&pass);
  return ok;
}

/**
 * hcs_grading_refresh_stale:
 * @cursor: (inout): the last subject id looked at; 0 to start at the first
 * @max_ids: how many subject ids one call covers at most
 *
 * A grade counts years since registration and penalties of the last one
 * and three years, so it changes with the date alone. Regrades, in the
 * caller's transaction, the ids from the first subject after *@cursor whose
 * grade is as of an earlier day, @max_ids of them, and moves *@cursor past
 * them; sets it to 0 when no grade is as of an earlier day any more.
 *
 * Returns: the number of ids covered (0 when none was stale), -1 on error
 */
gint64
hcs_grading_refresh_stale (HcsStore  *store,
                           gint64    *cursor,
                           gint64     max_ids,
                           GError   **error)
{
  g_autofree char *today = hcs_date_today ();
  gint64 first;

  g_return_val_if_fail (cursor != NULL && *cursor >= 0 && max_ids > 0, -1);

  first = hcs_store_grading_first_stale (store, today, *cursor, error);
  if (first <= 0)
    {
      *cursor = 0;
      return first;
    }
  if (!regrade_range (store, first, first + max_ids - 1, error))
    return -1;
  *cursor = first + max_ids - 1;
  return max_ids;
}

/**
 * hcs_grading_regrade_subject:
 *
 * Recomputes the grade of a subject whose file changed, under the
 * published model (nothing when none is published), in the caller's
 * transaction.
 */
gboolean
hcs_grading_regrade_subject (HcsStore  *store,
                             gint64     subject_id,
                             GError   **error)
{
  return regrade_ids (store, &subject_id, 1, error);
}

/**
 * hcs_grading_regrade_identifier:
 *
 * hcs_grading_regrade_subject() for the subject of @identifier (none: nothing).
 */
gboolean
hcs_grading_regrade_identifier (HcsStore    *store,
                                const char  *identifier,
                                GError     **error)
{
  gint64 id = hcs_store_lists_find_subject (store, identifier, NULL, error);

  if (id < 0)
    return FALSE;
  return id == 0 || hcs_grading_regrade_subject (store, id, error);
}

/**
 * hcs_grading_regrade_import:
 *
 * Recomputes the grades of the subjects an import registered or brought
 * records of.
 */
gboolean
hcs_grading_regrade_import (HcsStore  *store,
                            gint64     import_id,
                            GError   **error)
{
  g_autoptr(GArray) ids = NULL;
  gint64 published = hcs_store_grading_model_in_state (store, "published", error);

  /* No model published: nobody has a grade to recompute (and the import's
   * subjects need not be gathered: a million-row import spent a third of
   * its time on it). */
  if (published <= 0)
    return published == 0;
  ids = hcs_store_grading_import_subjects (store, import_id, error);
  if (ids == NULL)
    return FALSE;
  return regrade_ids (store, (const gint64 *) (gpointer) ids->data, ids->len, error);
}

/* One subject computed under a model as of a day. */
typedef struct
{
  const HcsGradingModel *model;
  const char            *as_of;
  gboolean               found;
  GradeResult            result;
} OneSubject;

static gboolean
compute_one (const HcsGradeFacts  *facts,
             gpointer              data,
             GError              **error)
{
  OneSubject *one = data;

  one->found = TRUE;
  compute (one->model, facts, one->as_of, &one->result);
  return TRUE;
}

/* The open override of a subject or NULL; FALSE on a storage error. */
static gboolean
open_override (HcsStore    *store,
               gint64       subject_id,
               JsonObject **out,
               GError     **error)
{
  g_autoptr(GError) local = NULL;

  *out = hcs_store_grading_override_open (store, subject_id, &local);
  if (*out == NULL && !g_error_matches (local, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
present_override (JsonObject *row)
{
  JsonObject *o = json_object_new ();
  static const char * const copied[] = { "id", "grade", "reason", "actor", "at", "lifted_at", "lifted_by",
                                         "lifted_reason" };

  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    json_object_set_member (o, copied[i], json_node_copy (json_object_get_member (row, copied[i])));
  return o;
}

/**
 * hcs_grading_explain:
 *
 * The grade of a subject: the computed one with each factor's value,
 * weight and contribution and the model version that gave it (computed
 * again from the file as of the day it was computed: the stored score as
 * long as every change of the file regraded it), the override in force
 * and the past ones. The grade in force is the override's, or else the
 * computed one.
 */
JsonObject *
hcs_grading_explain (HcsStore  *store,
                     gint64     subject_id,
                     GError   **error)
{
  g_autoptr(JsonObject) out = json_object_new ();
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(JsonObject) open = NULL;
  g_autoptr(JsonArray) overrides = NULL;
  g_autoptr(GError) local = NULL;
  const char *in_force = NULL;

  stored = hcs_store_grading_subject_get (store, subject_id, &local);
  if (stored == NULL && !g_error_matches (local, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (!open_override (store, subject_id, &open, error) ||
      (overrides = hcs_store_grading_overrides (store, subject_id, error)) == NULL)
    return NULL;

  if (stored != NULL)
    {
      g_autoptr(JsonObject) model_json = NULL;
      JsonObject *computed, *model_ref;
      JsonArray *list;
      HcsGradingModel model;
      PassDays days;
      OneSubject one = { 0, };
      const char *as_of = json_object_get_string_member (stored, "as_of");

      if (!hcs_grading_model_load (store, json_object_get_int_member (stored, "model_id"), &model,
                                   &model_json, error))
        return NULL;
      pass_days_init (&days, as_of);
      one.model = &model;
      one.as_of = days.as_of;
      if (!hcs_store_grading_scan (store, subject_id, subject_id, &days.days, compute_one, &one, error))
        return NULL;
      g_assert (one.found);

      computed = json_object_new ();
      json_object_set_string_member (computed, "grade", one.result.grade);
      json_object_set_int_member (computed, "score", one.result.score);
      json_object_set_int_member (computed, "base_score", model.base_score);
      json_object_set_string_member (computed, "as_of", as_of);
      model_ref = json_object_new ();
      json_object_set_int_member (model_ref, "id", model.id);
      json_object_set_string_member (model_ref, "title", json_object_get_string_member (model_json, "title"));
      json_object_set_string_member (model_ref, "state", json_object_get_string_member (model_json, "state"));
      json_object_set_member (model_ref, "published_at",
                              json_node_copy (json_object_get_member (model_json, "published_at")));
      json_object_set_object_member (computed, "model", model_ref);
      {
        gint64 bands[4] = { model.bands[0], model.bands[1], model.bands[2], 0 };
        JsonObject *b = json_object_new ();

        for (guint i = 0; i < 3; i++)
          json_object_set_int_member (b, grade_keys[i], bands[i]);
        json_object_set_object_member (computed, "bands", b);
      }
      list = json_array_new ();
      for (guint i = 0; i < HCS_GRADING_N_FACTORS; i++)
        {
          JsonObject *f = json_object_new ();

          json_object_set_string_member (f, "factor", factors[i].key);
          json_object_set_string_member (f, "label", _(factors[i].label));
          json_object_set_int_member (f, "value", one.result.values[i]);
          json_object_set_int_member (f, "weight", model.weights[i]);
          json_object_set_int_member (f, "contribution", one.result.values[i] * model.weights[i]);
          json_array_add_object_element (list, f);
        }
      json_object_set_array_member (computed, "factors", list);
      json_object_set_object_member (out, "computed", computed);
      in_force = one.result.grade;
    }
  else
    json_object_set_null_member (out, "computed");

  if (open != NULL)
    {
      in_force = json_object_get_string_member (open, "grade");
      json_object_set_object_member (out, "override", present_override (open));
    }
  else
    json_object_set_null_member (out, "override");
  {
    JsonArray *past = json_array_new ();

    for (guint i = 0; i < json_array_get_length (overrides); i++)
      json_array_add_object_element (past, present_override (json_array_get_object_element (overrides, i)));
    json_object_set_array_member (out, "overrides", past);
  }
  if (in_force != NULL)
    json_object_set_string_member (out, "grade", in_force);
  else
    json_object_set_null_member (out, "grade");
  return g_steal_pointer (&out);
}

/**
 * hcs_grading_override:
 * @grade: (nullable): A, B, C or D; %NULL lifts the override in force
 * @reason: why, never empty
 *
 * A supervisor's override of a subject's computed grade, or its lifting;
 * the grade in force follows. The caller audits it.
 */
gboolean
hcs_grading_override (HcsStore    *store,
                      gint64       subject_id,
                      const char  *grade,
                      const char  *reason,
                      const char  *actor,
                      GError     **error)
{
  g_autoptr(JsonObject) open = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GError) local = NULL;

  if (!open_override (store, subject_id, &open, error))
    return FALSE;
  if (grade == NULL && open == NULL)
    {
      hcs_error_set (error, HCS_ERR_NOTHING_TO_CHANGE, "grade",
                     _("The grade of this subject is not overridden: there is nothing to lift."));
      return FALSE;
    }
  if (open != NULL &&
      !hcs_store_grading_override_lift (store, json_object_get_int_member (open, "id"), reason, actor, error))
    return FALSE;
  if (grade != NULL)
    return hcs_store_grading_override_insert (store, subject_id, grade, reason, actor, error) > 0 &&
           hcs_store_grading_set_in_force (store, subject_id, grade, error);

  /* Lifted: the computed grade is in force again (and computed anew under
   * the published model, if there is one). */
  stored = hcs_store_grading_subject_get (store, subject_id, &local);
  if (stored == NULL && !g_error_matches (local, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return hcs_store_grading_set_in_force (store, subject_id,
                                         stored ? json_object_get_string_member (stored, "grade") : NULL, error) &&
         hcs_grading_regrade_subject (store, subject_id, error);
}

/**
 * hcs_grading_default_model:
 *
 * The model a first draft starts from when none was published (and the
 * demo's): its base score, bands and the demo weight of each factor.
 */
void
hcs_grading_default_model (HcsGradingModel *model)
{
  g_return_if_fail (model != NULL);

  model->base_score = DEFAULT_BASE_SCORE;
  memcpy (model->bands, default_bands, sizeof model->bands);
  for (guint i = 0; i < HCS_GRADING_N_FACTORS; i++)
    model->weights[i] = factors[i].demo_weight;
}
