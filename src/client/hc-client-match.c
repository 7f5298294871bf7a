/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's typed calls for 名单自动比对 (三个自动): a file of subjects
 * matched against the lists, the recorded runs and their hits, re-runs,
 * false matches cleared and withdrawn, and the feedback on a hit. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"
#include "hc-match-clearance.h"
#include "hc-match-hit.h"
#include "hc-match-run.h"


/* POST /lists/match and …/rerun answer the hits; the run itself, with its
 * counts, is then read from GET /lists/match-runs/{id}. */

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *obj = hc_client_take_object (source, result, task, &node);
  HcMatchRun *run;

  if (obj == NULL)
    return;
  if ((run = hc_match_run_new_from_json (obj)) == NULL)
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  g_task_return_pointer (task, run, g_object_unref);
}

static void
fetch_run (GTask  *task,
           gint64  id)
{
  g_autofree char *path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT, id);

  hc_client_send_async (g_task_get_source_object (task), "GET", path, NULL,
                        g_task_get_cancellable (task), run_cb, task);
}

static void
matched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *obj = hc_client_take_object (source, result, task, &node);
  gint64 id;

  if (obj == NULL)
    return;
  if ((id = json_object_get_int_member_with_default (obj, "run_id", 0)) <= 0)
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  fetch_run (g_steal_pointer (&task), id);
}

typedef struct
{
  char                  *purpose;
  char                  *file_name;
  GFileProgressCallback  progress;
  gpointer               progress_data;
} MatchData;

static void
match_data_free (MatchData *data)
{
  g_free (data->purpose);
  g_free (data->file_name);
  g_free (data);
}

static void
match_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) path = g_string_new ("/lists/match");
  MatchData *data = g_task_get_task_data (task);
  HcClient *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  const char *content_type = NULL;

  bytes = _hc_client_load_upload_finish (G_FILE (source), result, data->file_name, &content_type, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  _hc_client_query_add (path, "purpose", data->purpose);
  hc_client_send_bytes_async (self, "POST", path->str, content_type, bytes,
                              data->progress, data->progress_data,
                              cancellable, matched_cb, g_steal_pointer (&task));
}

/**
 * hc_client_match_file_async:
 * @file: a CSV (UTF-8 or GB18030) or XLSX of subjects: an identifier column
 *   (named by its header, or the first) and optionally a name
 * @purpose: (nullable): why the subjects are matched, kept with the run
 * @progress: (nullable): called as the file goes up, with bytes sent and the
 *   file's size; the server answers once it has matched them all
 *
 * Matches the file's subjects against the lists in force (名单自动比对).
 * Unreadable rows do not stop the match: the run counts them and lists them
 * (hc_client_match_invalid_path()). More than 100,000 subjects fail with
 * %HC_CLIENT_ERROR_INVALID (too_many_subjects).
 */
void
hc_client_match_file_async (HcClient              *self,
                            GFile                 *file,
                            const char            *purpose,
                            GFileProgressCallback  progress,
                            gpointer               progress_data,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  MatchData *data;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_match_file_async);
  data = g_new0 (MatchData, 1);
  data->purpose = g_strdup (purpose);
  data->file_name = g_file_get_basename (file);
  data->progress = progress;
  data->progress_data = progress_data;
  g_task_set_task_data (task, data, (GDestroyNotify) match_data_free);
  g_file_load_bytes_async (file, cancellable, match_loaded_cb, g_steal_pointer (&task));
}

/**
 * hc_client_match_file_finish:
 * Returns: (transfer full): the recorded run, with its counts
 */
HcMatchRun *
hc_client_match_file_finish (HcClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_match_file_async, error);
}

/**
 * hc_client_rerun_match_async:
 * @run_id: a run that kept its subjects
 *
 * Matches the run's subjects again against the lists as they are now. The
 * new run names @run_id as its previous run and counts the new and gone
 * hits (HcMatchHitQuery's change filter lists them). A run that did not
 * keep its subjects fails with %HC_CLIENT_ERROR_CONFLICT.
 */
void
hc_client_rerun_match_async (HcClient            *self,
                             gint64               run_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (run_id > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_rerun_match_async);
  path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/rerun", run_id);
  hc_client_send_async (self, "POST", path, NULL, cancellable, matched_cb, g_steal_pointer (&task));
}

/**
 * hc_client_rerun_match_finish:
 * Returns: (transfer full): the new run
 */
HcMatchRun *
hc_client_rerun_match_finish (HcClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_rerun_match_async, error);
}

/* GET /lists/match-runs and /lists/match-runs/{id} */

void
hc_client_list_match_runs_async (HcClient            *self,
                                 const char          *cursor,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/lists/match-runs");

  g_return_if_fail (HC_IS_CLIENT (self));

  _hc_client_query_add_page (path, cursor, limit, TRUE);
  _hc_client_call_page_async (self, hc_client_list_match_runs_async, path->str, HC_TYPE_MATCH_RUN,
                              (HcItemFromJson) hc_match_run_new_from_json, FALSE,
                              cancellable, callback, user_data);
}

/**
 * hc_client_list_match_runs_finish:
 * Returns: (transfer full): an #HcPage of #HcMatchRun, newest first
 */
HcPage *
hc_client_list_match_runs_finish (HcClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_match_runs_async, error);
}

void
hc_client_get_match_run_async (HcClient            *self,
                               gint64               run_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (run_id > 0);

  path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT, run_id);
  _hc_client_call_async (self, hc_client_get_match_run_async, "GET", path, NULL,
                         (HcItemFromJson) hc_match_run_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/**
 * hc_client_get_match_run_finish:
 * Returns: (transfer full): the run as it is now (stale, feedback counts)
 */
HcMatchRun *
hc_client_get_match_run_finish (HcClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_match_run_async, error);
}

/* Hits and unreadable rows: listings, so also what an export exports. */

/**
 * hc_client_match_hits_path:
 * @query: the run and the filters
 *
 * Returns: (transfer full): the path of the run's hits with @query's
 *   filters, what hc_client_export_async() exports
 */
char *
hc_client_match_hits_path (const HcMatchHitQuery *query)
{
  GString *path;

  g_return_val_if_fail (query != NULL && query->run_id > 0, NULL);

  path = g_string_new (NULL);
  g_string_append_printf (path, "/lists/match-runs/%" G_GINT64_FORMAT "/hits", query->run_id);
  _hc_client_query_add (path, "list_type", query->list_type);
  _hc_client_query_add (path, "class", query->list_class);
  _hc_client_query_add (path, "state", query->state);
  _hc_client_query_add (path, "feedback", query->feedback);
  _hc_client_query_add (path, "change", query->change);
  return g_string_free (path, FALSE);
}

/* Returns: (transfer full): the path of the run's unreadable rows (row
 * number, value, reason), what hc_client_export_async() exports */
char *
hc_client_match_invalid_path (gint64 run_id)
{
  g_return_val_if_fail (run_id > 0, NULL);
  return g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/invalid", run_id);
}

void
hc_client_list_match_hits_async (HcClient              *self,
                                 const HcMatchHitQuery *query,
                                 const char            *cursor,
                                 guint                  limit,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_autofree char *base = NULL;
  g_autoptr(GString) path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (query != NULL && query->run_id > 0);

  base = hc_client_match_hits_path (query);
  path = g_string_new (base);
  _hc_client_query_add_page (path, cursor, limit, TRUE);
  _hc_client_call_page_async (self, hc_client_list_match_hits_async, path->str, HC_TYPE_MATCH_HIT,
                              (HcItemFromJson) hc_match_hit_new_from_json, FALSE,
                              cancellable, callback, user_data);
}

/**
 * hc_client_list_match_hits_finish:
 * Returns: (transfer full): an #HcPage of #HcMatchHit with the total
 */
HcPage *
hc_client_list_match_hits_finish (HcClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_match_hits_async, error);
}

/* A hit's false match (误匹配) and feedback (效果反馈) */

static JsonNode *
reason_body (const char *member,
             const char *reason)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, reason ? reason : "");
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * hc_client_clear_match_hit_async:
 * @reason: why the hit's subject is not the entry's
 *
 * Clears the hit as a false match: later runs do not raise the pair while
 * the clearance stands. A blank reason fails with %HC_CLIENT_ERROR_INVALID,
 * a pair already cleared with %HC_CLIENT_ERROR_CONFLICT.
 */
void
hc_client_clear_match_hit_async (HcClient            *self,
                                 gint64               run_id,
                                 gint64               entry_id,
                                 const char          *reason,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonNode) body = reason_body ("reason", reason);
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (run_id > 0 && entry_id > 0);

  path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits/%" G_GINT64_FORMAT "/clearance",
                          run_id, entry_id);
  _hc_client_call_async (self, hc_client_clear_match_hit_async, "POST", path, body,
                         (HcItemFromJson) hc_match_clearance_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/* Returns: (transfer full): the clearance */
HcMatchClearance *
hc_client_clear_match_hit_finish (HcClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_clear_match_hit_async, error);
}

/**
 * hc_client_withdraw_match_clearance_async:
 *
 * Withdraws a standing clearance: later runs raise the pair again. One
 * already withdrawn fails with %HC_CLIENT_ERROR_CONFLICT.
 */
void
hc_client_withdraw_match_clearance_async (HcClient            *self,
                                          gint64               clearance_id,
                                          const char          *reason,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(JsonNode) body = reason_body ("reason", reason);
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (clearance_id > 0);

  path = g_strdup_printf ("/lists/match-clearances/%" G_GINT64_FORMAT "/withdrawal", clearance_id);
  _hc_client_call_async (self, hc_client_withdraw_match_clearance_async, "POST", path, body,
                         (HcItemFromJson) hc_match_clearance_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/* Returns: (transfer full): the clearance, withdrawn */
HcMatchClearance *
hc_client_withdraw_match_clearance_finish (HcClient      *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_withdraw_match_clearance_async, error);
}

/**
 * hc_client_list_match_clearances_async:
 * @standing_only: only the clearances that stand
 */
void
hc_client_list_match_clearances_async (HcClient            *self,
                                       gboolean             standing_only,
                                       const char          *cursor,
                                       guint                limit,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/lists/match-clearances");

  g_return_if_fail (HC_IS_CLIENT (self));

  if (standing_only)
    _hc_client_query_add (path, "standing", "1");
  _hc_client_query_add_page (path, cursor, limit, TRUE);
  _hc_client_call_page_async (self, hc_client_list_match_clearances_async, path->str, HC_TYPE_MATCH_CLEARANCE,
                              (HcItemFromJson) hc_match_clearance_new_from_json, FALSE,
                              cancellable, callback, user_data);
}

/* Returns: (transfer full): an #HcPage of #HcMatchClearance, newest first */
HcPage *
hc_client_list_match_clearances_finish (HcClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_match_clearances_async, error);
}

/**
 * hc_client_match_hit_feedback_async:
 * @applied: whether the user's department applied the hit's measures
 * @note: (nullable): needed when they were not applied
 *
 * Records the feedback (效果自动反馈) on a hit. Not applied without a note
 * fails with %HC_CLIENT_ERROR_INVALID.
 */
void
hc_client_match_hit_feedback_async (HcClient            *self,
                                    gint64               run_id,
                                    gint64               entry_id,
                                    gboolean             applied,
                                    const char          *note,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (run_id > 0 && entry_id > 0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "applied");
  json_builder_add_boolean_value (builder, applied);
  if (note != NULL && *note != '\0')
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, note);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits/%" G_GINT64_FORMAT "/feedback",
                          run_id, entry_id);
  _hc_client_call_async (self, hc_client_match_hit_feedback_async, "POST", path, body,
                         (HcItemFromJson) hc_match_hit_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/* Returns: (transfer full): the hit with its feedback */
HcMatchHit *
hc_client_match_hit_feedback_finish (HcClient      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_match_hit_feedback_async, error);
}

/* The months of a feedback answer, or NULL when it is not shaped as
 * documented (then the call fails with a protocol error). */
static gpointer
feedback_months_from_json (JsonObject *obj)
{
  g_autoptr(GListStore) months = g_list_store_new (HC_TYPE_FEEDBACK_MONTH);
  JsonNode *node = json_object_get_member (obj, "months");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(HcFeedbackMonth) month = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          (month = hc_feedback_month_new_from_json (json_node_get_object (element))) == NULL)
        return NULL;
      g_list_store_append (months, month);
    }
  return g_steal_pointer (&months);
}

/**
 * hc_client_list_type_feedback_async:
 * @list_type: a list type's key ("black")
 *
 * Reads a list type's 效果自动反馈统计 over time: per month of the match
 * runs, the hits on the type and their feedback. An unknown type fails with
 * %HC_CLIENT_ERROR_NOT_FOUND.
 */
void
hc_client_list_type_feedback_async (HcClient            *self,
                                    const char          *list_type,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (list_type != NULL);

  escaped = g_uri_escape_string (list_type, NULL, FALSE);
  path = g_strdup_printf ("/list-types/%s/feedback", escaped);
  _hc_client_call_async (self, hc_client_list_type_feedback_async, "GET", path, NULL,
                         feedback_months_from_json, g_object_unref, cancellable, callback, user_data);
}

/* Returns: (transfer full): the months, of #HcFeedbackMonth, oldest first */
GListModel *
hc_client_list_type_feedback_finish (HcClient      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_type_feedback_async, error);
}
