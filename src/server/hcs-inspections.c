/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 双随机、一公开 (四.(四).3, 五.(十).2): inspections drawn at random, with
 * a sampling ratio per credit grade, and their results made public.
 *
 * The draw, so that anyone can reproduce it from the plan, the seed and the
 * snapshot the draw keeps (GET /inspections/draws/{id}/verify does):
 *
 * 1. Candidates: the plan's scope (市县, industry, subject type; none is
 *    any) among the active subjects with a grade in force, grouped by grade
 *    A, B, C, D and, in each grade, ordered by subject id ascending. The
 *    snapshot is one line "<grade> <subject id>\n" per candidate in that
 *    order; its SHA-256 is kept beside it.
 * 2. Exclusions: the pairs (inspector, subject) that may not meet — the
 *    plan's declared conflicts, and each inspector's inspections of final
 *    draws made within the plan's exclusion_days before the draw — as lines
 *    "<user id> <subject id>\n" ordered by user id then subject id.
 * 3. The seed: 32 hexadecimal digits (128 random bits from the system).
 *    The k-th number of the stream (k = 0, 1, 2, …) is the first 8 bytes,
 *    read as a big-endian unsigned integer, of SHA-256 of the ASCII text
 *    "<seed>:<k>" (k in decimal). A number below n is taken by rejection:
 *    a number v of the stream is kept when v < 2^64 − (2^64 mod n), and the
 *    answer is v mod n; else the next number is read.
 * 4. Subjects: for each grade in the order A, B, C, D, with n candidates
 *    and the ratio r (hundredths of a percent), k = ⌈n × r / 10000⌉ are
 *    drawn by a partial Fisher–Yates shuffle of the grade's ordered
 *    candidates: for i = 0 … k−1, j = i + below (n − i), swap the i-th and
 *    j-th; the first k, in that order, are drawn.
 * 5. Inspectors: for each subject drawn, in draw order, the plan's
 *    inspectors ordered by user id, less those excluded for that subject:
 *    the first is the one at below (m), then it is removed and the second
 *    is the one at below (m − 1). Fewer than two left refuses the draw.
 *
 * The stream is one for the whole draw, read in the order above. */
#define G_LOG_DOMAIN "hcs-inspections"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-errors.h"
#include "hcs-grading.h"
#include "hcs-inspections.h"
#include "hcs-list-rules.h"
#include "hcs-store-subjects.h"
#include "hcs-store-users.h"

static const char * const grade_keys[] = { "A", "B", "C", "D" };

/* The stream of numbers of a seed (3. above). */
typedef struct
{
  const char *seed;
  guint64     k;
  GChecksum  *sha;
} Stream;

static guint64
stream_next (Stream *s)
{
  char text[96];
  guint8 digest[32];
  gsize len = sizeof digest;
  guint64 v = 0;

  g_snprintf (text, sizeof text, "%s:%" G_GUINT64_FORMAT, s->seed, s->k++);
  g_checksum_reset (s->sha);
  g_checksum_update (s->sha, (const guchar *) text, -1);
  g_checksum_get_digest (s->sha, digest, &len);
  for (int i = 0; i < 8; i++)
    v = (v << 8) | digest[i];
  return v;
}

static guint64
stream_below (Stream  *s,
              guint64  n)
{
  /* 2^64 mod n, without 2^64 */
  guint64 rest = (G_MAXUINT64 % n + 1) % n;

  g_assert (n > 0);
  for (;;)
    {
      guint64 v = stream_next (s);

      if (rest == 0 || v < (guint64) 0 - rest)
        return v % n;
    }
}

static int
pair_compare (gconstpointer a,
              gconstpointer b)
{
  const gint64 *x = a, *y = b;

  if (x[0] != y[0])
    return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
}

static gboolean
excluded (GArray *pairs,
          gint64  user_id,
          gint64  subject_id)
{
  gint64 key[2] = { user_id, subject_id };

  if (pairs->len == 0)
    return FALSE;
  return bsearch (key, pairs->data, pairs->len / 2, 2 * sizeof (gint64), pair_compare) != NULL;
}

/* k = ⌈n × ratio / 10000⌉ */
static guint
sample_size (guint  n,
             gint64 ratio)
{
  return (guint) (((guint64) n * (guint64) ratio + 9999) / 10000);
}

/* The draw itself (4. and 5. above), from what it reads: @by_grade is
 * shuffled in place. Appends HcsInspectionPick to @picks. */
static gboolean
draw_run (const char    *seed,
          const gint64   ratios[4],
          GArray        *by_grade[4],
          GArray        *pool,
          GArray        *exclusions,
          GArray        *picks,
          GError       **error)
{
  Stream s = { seed, 0, g_checksum_new (G_CHECKSUM_SHA256) };
  g_autofree gint64 *eligible = g_new (gint64, MAX (pool->len, 1));
  gboolean ok = TRUE;

  for (int g = 0; g < 4; g++)
    {
      GArray *c = by_grade[g];
      guint k = sample_size (c->len, ratios[g]);

      for (guint i = 0; i < k; i++)
        {
          guint j = i + (guint) stream_below (&s, c->len - i);
          gint64 t = g_array_index (c, gint64, i);

          g_array_index (c, gint64, i) = g_array_index (c, gint64, j);
          g_array_index (c, gint64, j) = t;
        }
      for (guint i = 0; i < k; i++)
        {
          HcsInspectionPick pick = { g_array_index (c, gint64, i), g, { 0, 0 } };
          guint m = 0, first;

          for (guint u = 0; u < pool->len; u++)
            if (!excluded (exclusions, g_array_index (pool, gint64, u), pick.subject_id))
              eligible[m++] = g_array_index (pool, gint64, u);
          if (m < 2)
            {
              hcs_error_set (error, HCS_ERR_NOT_ENOUGH_INSPECTORS, "inspectors",
                             _("Fewer than two of the plan’s inspectors may inspect the subject with id %lld "
                               "(conflicts or recent inspections of it): add inspectors to a new plan."),
                             (long long) pick.subject_id);
              ok = FALSE;
              goto out;
            }
          first = (guint) stream_below (&s, m);
          pick.inspectors[0] = eligible[first];
          memmove (eligible + first, eligible + first + 1, (m - first - 1) * sizeof (gint64));
          pick.inspectors[1] = eligible[stream_below (&s, m - 1)];
          g_array_append_val (picks, pick);
        }
    }
out:
  g_checksum_free (s.sha);
  return ok;
}

static char *
new_seed (void)
{
  guint8 bytes[16];
  GString *hex = g_string_new (NULL);

  if (getrandom (bytes, sizeof bytes, 0) != (ssize_t) sizeof bytes)
    for (guint i = 0; i < sizeof bytes; i++)
      bytes[i] = (guint8) g_random_int_range (0, 256);
  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  return g_string_free (hex, FALSE);
}

static char *
candidates_text (GArray *by_grade[4])
{
  GString *text = g_string_new (NULL);

  for (int g = 0; g < 4; g++)
    for (guint i = 0; i < by_grade[g]->len; i++)
      g_string_append_printf (text, "%s %" G_GINT64_FORMAT "\n", grade_keys[g], g_array_index (by_grade[g], gint64, i));
  return g_string_free (text, FALSE);
}

static char *
exclusions_text (GArray *pairs)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i + 1 < pairs->len; i += 2)
    g_string_append_printf (text, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", g_array_index (pairs, gint64, i),
                            g_array_index (pairs, gint64, i + 1));
  return g_string_free (text, FALSE);
}

static char *
sha256 (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static void
grade_arrays_init (GArray *by_grade[4])
{
  for (int g = 0; g < 4; g++)
    by_grade[g] = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
grade_arrays_clear (GArray *by_grade[4])
{
  for (int g = 0; g < 4; g++)
    g_clear_pointer (&by_grade[g], g_array_unref);
}

/* The plan's scope and ratios as stored. */
static void
plan_from_row (JsonObject        *row,
               HcsInspectionPlan *plan)
{
  static const char * const ratio_members[] = { "ratio_a", "ratio_b", "ratio_c", "ratio_d" };

  memset (plan, 0, sizeof *plan);
  plan->title = json_object_get_string_member (row, "title");
  plan->department_id = json_object_get_int_member (row, "department_id");
  plan->region = json_object_get_string_member_with_default (row, "region", NULL);
  plan->industry = json_object_get_string_member_with_default (row, "industry", NULL);
  plan->subject_type = json_object_get_string_member_with_default (row, "subject_type", NULL);
  for (int g = 0; g < 4; g++)
    plan->ratios[g] = json_object_get_int_member (row, ratio_members[g]);
  plan->exclusion_days = json_object_get_int_member (row, "exclusion_days");
}

/**
 * hcs_inspections_plan_create:
 * @inspectors: (array zero-terminated=1): user names of the plan's
 *   department, at least two
 *
 * Returns: the new plan's id, or 0 with @error set (a refusal names the
 *   field: inspectors[i], conflicts[i].inspector, conflicts[i].subject)
 */
gint64
hcs_inspections_plan_create (HcsStore                     *store,
                             const HcsInspectionPlan      *plan,
                             const char * const           *inspectors,
                             const HcsInspectionConflict  *conflicts,
                             guint                         n_conflicts,
                             const char                   *actor,
                             GError                      **error)
{
  g_autoptr(JsonObject) department = NULL;
  g_autoptr(GHashTable) pool = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 id;

  if ((department = hcs_store_departments_get (store, plan->department_id, NULL)) == NULL)
    {
      hcs_error_set (error, HCS_ERR_UNKNOWN_DEPARTMENT, "department_id",
                     _("There is no department with id %lld."), (long long) plan->department_id);
      return 0;
    }
  if ((id = hcs_store_inspections_plan_insert (store, plan, actor, error)) == 0)
    return 0;
  for (guint i = 0; inspectors[i] != NULL; i++)
    {
      gint64 user = hcs_store_inspections_department_user (store, inspectors[i], plan->department_id, error);
      g_autofree char *field = g_strdup_printf ("inspectors[%u]", i);

      if (user < 0)
        return 0;
      if (user == 0)
        {
          hcs_error_set (error, HCS_ERR_UNKNOWN_INSPECTOR, field,
                         _("“%s” is not an active user of %s: inspectors are users of the plan’s department."),
                         inspectors[i], json_object_get_string_member (department, "name"));
          return 0;
        }
      if (!hcs_store_inspections_inspector_add (store, id, user, error))
        return 0;
      g_hash_table_add (pool, (gpointer) inspectors[i]);
    }
  if (g_hash_table_size (pool) < 2)
    {
      hcs_error_set (error, HCS_ERR_NOT_ENOUGH_INSPECTORS, "inspectors",
                     _("A plan needs at least two different inspectors: each inspection is made by two."));
      return 0;
    }
  for (guint i = 0; i < n_conflicts; i++)
    {
      const HcsInspectionConflict *c = &conflicts[i];
      g_autofree char *identifier = hc_uscc_normalize (c->subject);
      g_autoptr(JsonObject) subject = NULL;
      g_autofree char *field = NULL;
      gint64 user;

      if (!g_hash_table_contains (pool, c->inspector))
        {
          field = g_strdup_printf ("conflicts[%u].inspector", i);
          hcs_error_set (error, HCS_ERR_UNKNOWN_INSPECTOR, field,
                         _("“%s” is not one of the plan’s inspectors: a conflict is declared by one of them."),
                         c->inspector);
          return 0;
        }
      if (identifier == NULL || (subject = hcs_store_subjects_get (store, identifier, NULL)) == NULL)
        {
          field = g_strdup_printf ("conflicts[%u].subject", i);
          hcs_error_set (error, HCS_ERR_UNKNOWN_SUBJECT, field,
                         _("There is no market subject “%s”: give its 统一社会信用代码 or ID number."), c->subject);
          return 0;
        }
      user = hcs_store_inspections_department_user (store, c->inspector, plan->department_id, error);
      if (user <= 0 ||
          !hcs_store_inspections_conflict_add (store, id, user, json_object_get_int_member (subject, "id"),
                                               c->reason, error))
        return 0;
    }
  return id;
}

/**
 * hcs_inspections_plan_present:
 *
 * The plan as the API answers it: ratios {A, B, C, D} in percent, and its
 * completion (the final draw's inspections and how many have a result).
 *
 * Returns: (transfer full): a new object
 */
JsonObject *
hcs_inspections_plan_present (JsonObject *stored)
{
  static const char * const ratio_members[] = { "ratio_a", "ratio_b", "ratio_c", "ratio_d" };
  JsonObject *out = json_object_new ();
  JsonObject *ratios = json_object_new ();
  JsonObject *completion = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (stored);
  gint64 total = json_object_get_int_member (stored, "inspections");
  gint64 recorded = json_object_get_int_member (stored, "recorded");

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_has_prefix (l->data, "ratio_") && !g_str_equal (l->data, "inspections") &&
        !g_str_equal (l->data, "recorded") && !g_str_equal (l->data, "failed"))
      json_object_set_member (out, l->data, json_node_copy (json_object_get_member (stored, l->data)));
  for (int g = 0; g < 4; g++)
    json_object_set_double_member (ratios, grade_keys[g],
                                   (double) json_object_get_int_member (stored, ratio_members[g]) / 100.0);
  json_object_set_object_member (out, "ratios", ratios);
  json_object_set_int_member (completion, "inspections", total);
  json_object_set_int_member (completion, "recorded", recorded);
  json_object_set_int_member (completion, "failed", json_object_get_int_member (stored, "failed"));
  json_object_set_boolean_member (completion, "complete", total > 0 && recorded == total);
  json_object_set_object_member (out, "completion", completion);
  json_object_set_string_member (out, "state",
                                 json_object_get_null_member (stored, "draw_id") ? "planned" :
                                 total > 0 && recorded == total ? "completed" : "drawn");
  return out;
}

/* Today minus @days days, "YYYY-MM-DD". */
static char *
days_before (const char *today,
             gint64      days)
{
  GDate d;

  g_assert (hcs_date_parse (today, &d));
  g_date_subtract_days (&d, (guint) days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
}

/**
 * hcs_inspections_draw:
 * @seed: (nullable): the seed, 32 hexadecimal digits; %NULL for 128 random
 *   bits from the system, as every draw but the demo's (which must give the
 *   same data each time it is seeded)
 * @reason: (nullable): why the plan is drawn again; needed when it has
 *   a draw already, which the new one supersedes and keeps
 *
 * Returns: the new draw's id, or 0 with @error set
 */
gint64
hcs_inspections_draw (HcsStore    *store,
                      gint64       plan_id,
                      const char  *given_seed,
                      const char  *reason,
                      const char  *actor,
                      GError     **error)
{
  g_autoptr(JsonObject) row = NULL;
  g_autoptr(GArray) pool = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GArray) picks = g_array_new (FALSE, TRUE, sizeof (HcsInspectionPick));
  g_autofree char *today = hcs_date_today ();
  g_autofree char *since = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *cand = NULL, *cand_sha = NULL, *excl = NULL, *excl_sha = NULL;
  GArray *by_grade[4];
  HcsInspectionPlan plan;
  gint64 previous, draw_id = 0, n_candidates = 0;

  if ((row = hcs_store_inspections_plan_get (store, plan_id, error)) == NULL ||
      (previous = hcs_store_inspections_final_draw (store, plan_id, error)) < 0)
    return 0;
  if (previous > 0)
    {
      gint64 recorded;

      if (reason == NULL)
        {
          hcs_error_set (error, HCS_ERR_ALREADY_DRAWN, "reason",
                         _("This plan has been drawn: a draw is final. To draw again, give the reason."));
          return 0;
        }
      if ((recorded = hcs_store_inspections_results_count (store, previous, error)) < 0)
        return 0;
      if (recorded > 0)
        {
          hcs_error_set (error, HCS_ERR_RESULTS_RECORDED, NULL,
                         _("Results have been recorded for this plan’s draw: it can no longer be drawn again."));
          return 0;
        }
      if (!hcs_store_inspections_draw_supersede (store, previous, error))
        return 0;
    }

  plan_from_row (row, &plan);
  since = days_before (today, plan.exclusion_days);
  grade_arrays_init (by_grade);
  if (!hcs_store_inspections_candidates (store, &plan, by_grade, error) ||
      (pool = hcs_store_inspections_pool (store, plan_id, error)) == NULL ||
      (pairs = hcs_store_inspections_exclusions (store, plan_id, since, error)) == NULL)
    goto out;
  for (int g = 0; g < 4; g++)
    n_candidates += by_grade[g]->len;
  cand = candidates_text (by_grade);
  cand_sha = sha256 (cand);
  excl = exclusions_text (pairs);
  excl_sha = sha256 (excl);
  seed = given_seed != NULL ? g_strdup (given_seed) : new_seed ();
  if (!draw_run (seed, plan.ratios, by_grade, pool, pairs, picks, error))
    goto out;
  draw_id = hcs_store_inspections_draw_insert (store, plan_id, seed, cand, cand_sha, excl, excl_sha, n_candidates,
                                               picks->len, reason, previous, actor, today, error);
  for (guint i = 0; draw_id != 0 && i < picks->len; i++)
    if (!hcs_store_inspections_pick_insert (store, draw_id, plan_id, i + 1,
                                            &g_array_index (picks, HcsInspectionPick, i), error))
      draw_id = 0;
out:
  grade_arrays_clear (by_grade);
  return draw_id;
}

/* The snapshot's texts back into arrays; FALSE when a line is not one. */
static gboolean
parse_candidates (const char *text,
                  GArray     *by_grade[4])
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      int g;
      gint64 id;

      if (*lines[i] == '\0')
        continue;
      if (lines[i][0] < 'A' || lines[i][0] > 'D' || lines[i][1] != ' ')
        return FALSE;
      g = lines[i][0] - 'A';
      id = g_ascii_strtoll (lines[i] + 2, NULL, 10);
      g_array_append_val (by_grade[g], id);
    }
  return TRUE;
}

static void
parse_exclusions (const char *text,
                  GArray     *pairs)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *end = NULL;
      gint64 pair[2];

      if (*lines[i] == '\0')
        continue;
      pair[0] = g_ascii_strtoll (lines[i], &end, 10);
      pair[1] = g_ascii_strtoll (end, NULL, 10);
      g_array_append_vals (pairs, pair, 2);
    }
}

static gboolean
same_pick (const HcsInspectionPick *a,
           const HcsInspectionPick *b)
{
  return a->subject_id == b->subject_id && a->grade == b->grade && a->inspectors[0] == b->inspectors[0] &&
         a->inspectors[1] == b->inspectors[1];
}

/**
 * hcs_inspections_verify:
 *
 * Draws again from the plan, the draw's seed and its snapshot, and
 * compares with what was drawn; says whether the snapshot is intact (its
 * SHA-256) and whether today's data still gives the same candidates.
 *
 * Returns: (transfer full): the verification, or %NULL with @error set
 */
JsonObject *
hcs_inspections_verify (HcsStore  *store,
                        gint64     draw_id,
                        GError   **error)
{
  g_autoptr(JsonObject) draw = NULL;
  g_autoptr(JsonObject) row = NULL;
  g_autoptr(GArray) pool = NULL;
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) picks = g_array_new (FALSE, TRUE, sizeof (HcsInspectionPick));
  g_autofree char *cand_sha = NULL, *excl_sha = NULL, *now_text = NULL, *now_sha = NULL;
  g_autoptr(GError) draw_error = NULL;
  const char *cand, *excl;
  GArray *by_grade[4], *now_grades[4];
  HcsInspectionPlan plan;
  JsonObject *out = NULL;
  gint64 first_difference = 0;

  if ((draw = hcs_store_inspections_draw_get (store, draw_id, TRUE, error)) == NULL ||
      (row = hcs_store_inspections_plan_get (store, json_object_get_int_member (draw, "plan_id"), error)) == NULL ||
      (pool = hcs_store_inspections_pool (store, json_object_get_int_member (draw, "plan_id"), error)) == NULL ||
      (stored = hcs_store_inspections_draw_picks (store, draw_id, error)) == NULL)
    return NULL;
  plan_from_row (row, &plan);
  cand = json_object_get_string_member (draw, "candidates");
  excl = json_object_get_string_member (draw, "exclusions");
  cand_sha = sha256 (cand);
  excl_sha = sha256 (excl);
  grade_arrays_init (by_grade);
  grade_arrays_init (now_grades);
  if (!hcs_store_inspections_candidates (store, &plan, now_grades, error))
    goto out;
  now_text = candidates_text (now_grades);
  now_sha = sha256 (now_text);
  if (parse_candidates (cand, by_grade))
    {
      parse_exclusions (excl, pairs);
      if (draw_run (json_object_get_string_member (draw, "seed"), plan.ratios, by_grade, pool, pairs, picks,
                    &draw_error))
        for (guint i = 0; first_difference == 0 && i < MAX (picks->len, stored->len); i++)
          if (i >= picks->len || i >= stored->len ||
              !same_pick (&g_array_index (picks, HcsInspectionPick, i), &g_array_index (stored, HcsInspectionPick, i)))
            first_difference = i + 1;
    }

  out = json_object_new ();
  json_object_set_int_member (out, "draw_id", draw_id);
  json_object_set_int_member (out, "plan_id", json_object_get_int_member (draw, "plan_id"));
  json_object_set_string_member (out, "seed", json_object_get_string_member (draw, "seed"));
  json_object_set_boolean_member (out, "snapshot_intact",
                                  g_str_equal (cand_sha, json_object_get_string_member (draw, "candidates_sha256")) &&
                                  g_str_equal (excl_sha, json_object_get_string_member (draw, "exclusions_sha256")));
  json_object_set_string_member (out, "candidates_sha256", cand_sha);
  json_object_set_string_member (out, "exclusions_sha256", excl_sha);
  json_object_set_int_member (out, "drawn", stored->len);
  json_object_set_int_member (out, "reproduced", draw_error == NULL ? picks->len : 0);
  json_object_set_boolean_member (out, "identical", draw_error == NULL && first_difference == 0 &&
                                  picks->len == stored->len);
  if (first_difference > 0)
    json_object_set_int_member (out, "first_difference", first_difference);
  else
    json_object_set_null_member (out, "first_difference");
  json_object_set_boolean_member (out, "candidates_unchanged", g_str_equal (now_sha, cand_sha));
out:
  grade_arrays_clear (by_grade);
  grade_arrays_clear (now_grades);
  return out;
}

/**
 * hcs_inspections_record:
 * @result: pass, rectify or fail
 *
 * Records an inspection's result (once; it is published at once) and
 * grades the subject again: a 不合格 counts in its grade.
 */
gboolean
hcs_inspections_record (HcsStore    *store,
                        gint64       inspection_id,
                        const char  *result,
                        const char  *note,
                        const char  *actor,
                        GError     **error)
{
  g_autoptr(JsonObject) inspection = NULL;
  g_autoptr(JsonObject) subject = NULL;
  g_autofree char *today = hcs_date_today ();

  if ((inspection = hcs_store_inspections_get (store, inspection_id, error)) == NULL)
    return FALSE;
  if (!g_str_equal (json_object_get_string_member (inspection, "draw_state"), "final"))
    {
      hcs_error_set (error, HCS_ERR_DRAW_SUPERSEDED, NULL,
                     _("This inspection belongs to a draw that was drawn again: record the result on the new draw."));
      return FALSE;
    }
  if (!json_object_get_null_member (inspection, "result"))
    {
      hcs_error_set (error, HCS_ERR_ALREADY_DECIDED, "result",
                     _("This inspection’s result has been recorded and published; it cannot be changed."));
      return FALSE;
    }
  if (!hcs_store_inspections_result_set (store, inspection_id, result, note, actor, today, error) ||
      (subject = hcs_store_subjects_get (store, json_object_get_string_member (inspection, "identifier"),
                                         error)) == NULL)
    return FALSE;
  return hcs_grading_regrade_subject (store, json_object_get_int_member (subject, "id"), error);
}

/* A plan whose conflicts may still change: it exists and has no final
 * draw (the draw's snapshot holds the conflicts it honoured, and a conflict
 * declared afterwards would not bind the subjects already assigned). */
static JsonObject *
plan_open_for_conflicts (HcsStore  *store,
                         gint64     plan_id,
                         GError   **error)
{
  g_autoptr(JsonObject) row = NULL;
  gint64 draw;

  if ((row = hcs_store_inspections_plan_get (store, plan_id, error)) == NULL ||
      (draw = hcs_store_inspections_final_draw (store, plan_id, error)) < 0)
    return NULL;
  if (draw > 0)
    {
      hcs_error_set (error, HCS_ERR_ALREADY_DRAWN, NULL,
                     _("This plan has been drawn: its conflicts are part of the final draw and no longer change. "
                       "Declare the conflict on the next plan."));
      return NULL;
    }
  return g_steal_pointer (&row);
}

/* The ids of @inspector (one of the plan's pool) and of @subject; %FALSE
 * with a refusal naming the field otherwise. */
static gboolean
conflict_resolve (HcsStore    *store,
                  JsonObject  *plan,
                  const char  *inspector,
                  const char  *subject,
                  gint64      *user_id,
                  gint64      *subject_id,
                  GError     **error)
{
  g_autoptr(GArray) pool = NULL;
  g_autoptr(JsonObject) found = NULL;
  g_autofree char *identifier = hc_uscc_normalize (subject);
  gint64 plan_id = json_object_get_int_member (plan, "id");
  gboolean in_pool = FALSE;

  *user_id = hcs_store_inspections_department_user (store, inspector, json_object_get_int_member (plan,
                                                                                                  "department_id"),
                                                    error);
  if (*user_id < 0 || (pool = hcs_store_inspections_pool (store, plan_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; *user_id > 0 && i < pool->len; i++)
    in_pool = in_pool || g_array_index (pool, gint64, i) == *user_id;
  if (!in_pool)
    {
      hcs_error_set (error, HCS_ERR_UNKNOWN_INSPECTOR, "inspector",
                     _("“%s” is not one of the plan’s inspectors: a conflict is declared by one of them."),
                     inspector);
      return FALSE;
    }
  if (identifier == NULL || (found = hcs_store_subjects_get (store, identifier, NULL)) == NULL)
    {
      hcs_error_set (error, HCS_ERR_UNKNOWN_SUBJECT, "subject",
                     _("There is no market subject “%s”: give its 统一社会信用代码 or ID number."), subject);
      return FALSE;
    }
  *subject_id = json_object_get_int_member (found, "id");
  return TRUE;
}

/**
 * hcs_inspections_conflict_add:
 *
 * Declares (or re-words) a conflict of one of the plan's inspectors with a
 * subject, before the plan is drawn.
 *
 * Returns: %FALSE with @error set (404 plan, 409 already_drawn, 422
 *   unknown_inspector or unknown_subject)
 */
gboolean
hcs_inspections_conflict_add (HcsStore                     *store,
                              gint64                        plan_id,
                              const HcsInspectionConflict  *conflict,
                              GError                      **error)
{
  g_autoptr(JsonObject) plan = plan_open_for_conflicts (store, plan_id, error);
  gint64 user_id, subject_id;

  return plan != NULL &&
         conflict_resolve (store, plan, conflict->inspector, conflict->subject, &user_id, &subject_id, error) &&
         hcs_store_inspections_conflict_add (store, plan_id, user_id, subject_id, conflict->reason, error);
}

/**
 * hcs_inspections_conflict_remove:
 *
 * Withdraws a declared conflict before the plan is drawn.
 *
 * Returns: %FALSE with @error set (404 plan or conflict, 409
 *   already_drawn, 422 unknown_inspector or unknown_subject)
 */
gboolean
hcs_inspections_conflict_remove (HcsStore    *store,
                                 gint64       plan_id,
                                 const char  *inspector,
                                 const char  *subject,
                                 GError     **error)
{
  g_autoptr(JsonObject) plan = plan_open_for_conflicts (store, plan_id, error);
  gint64 user_id, subject_id;
  int removed;

  if (plan == NULL || !conflict_resolve (store, plan, inspector, subject, &user_id, &subject_id, error) ||
      (removed = hcs_store_inspections_conflict_remove (store, plan_id, user_id, subject_id, error)) < 0)
    return FALSE;
  if (removed == 0)
    {
      hcs_error_set (error, HCS_ERR_NOT_FOUND, "subject",
                     _("“%s” has declared no conflict with “%s” in this plan."), inspector, subject);
      return FALSE;
    }
  return TRUE;
}
