/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's typed calls for 市场主体: list (keyset pages), read, edit. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"

static JsonObject *
answer_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* GET /subjects */

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  _hc_client_return_page (source, result, task, HC_TYPE_SUBJECT,
                          (HcItemFromJson) hc_subject_new_from_json);
}

void
hc_client_list_subjects_async (HcClient             *self,
                               const HcSubjectQuery *query,
                               const char           *cursor,
                               guint                 limit,
                               gboolean              want_total,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) path = g_string_new ("/subjects");

  g_return_if_fail (HC_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_list_subjects_async);

  if (query != NULL)
    {
      _hc_client_query_add (path, "q", query->q);
      _hc_client_query_add (path, "region", query->region);
      _hc_client_query_add (path, "type", query->type);
      _hc_client_query_add (path, "grade", query->grade);
      _hc_client_query_add (path, "status", query->status);
      _hc_client_query_add (path, "sort", query->sort);
    }
  _hc_client_query_add_page (path, cursor, limit, want_total);

  hc_client_send_async (self, "GET", path->str, NULL, cancellable, list_cb, g_steal_pointer (&task));
}

HcPage *
hc_client_list_subjects_finish (HcClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_list_subjects_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GET and PATCH /subjects/{identifier}: the subject and its ETag. */

typedef struct
{
  HcSubject *subject;
  char      *etag;
} SubjectAnswer;

static void
subject_answer_free (SubjectAnswer *answer)
{
  g_clear_object (&answer->subject);
  g_free (answer->etag);
  g_free (answer);
}

static void
subject_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *etag = NULL;
  GError *error = NULL;
  SubjectAnswer *answer;
  JsonObject *obj;

  node = hc_client_send_etag_finish (HC_CLIENT (source), result, &etag, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  obj = answer_object (node);
  answer = g_new0 (SubjectAnswer, 1);
  answer->subject = obj ? hc_subject_new_from_json (obj) : NULL;
  answer->etag = g_steal_pointer (&etag);
  if (answer->subject == NULL || answer->etag == NULL)
    {
      subject_answer_free (answer);
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  g_task_return_pointer (task, answer, (GDestroyNotify) subject_answer_free);
}

static char *
subject_path (const char *identifier)
{
  g_autofree char *escaped = g_uri_escape_string (identifier, NULL, FALSE);

  return g_strconcat ("/subjects/", escaped, NULL);
}

void
hc_client_get_subject_async (HcClient            *self,
                             const char          *identifier,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (identifier != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_get_subject_async);
  path = subject_path (identifier);
  hc_client_send_etag_async (self, "GET", path, NULL, NULL, cancellable, subject_cb, g_steal_pointer (&task));
}

static HcSubject *
subject_finish (GAsyncResult  *result,
                char         **etag,
                GError       **error)
{
  SubjectAnswer *answer = g_task_propagate_pointer (G_TASK (result), error);
  HcSubject *subject;

  if (answer == NULL)
    return NULL;
  subject = g_steal_pointer (&answer->subject);
  if (etag != NULL)
    *etag = g_steal_pointer (&answer->etag);
  subject_answer_free (answer);
  return subject;
}

HcSubject *
hc_client_get_subject_finish (HcClient      *self,
                              GAsyncResult  *result,
                              char         **etag,
                              GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_get_subject_async, NULL);

  return subject_finish (result, etag, error);
}

void
hc_client_update_subject_async (HcClient            *self,
                                const char          *identifier,
                                const char          *etag,
                                const HcSubjectEdit *edit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  const char *names[] = { "name", "industry", "status", "grade" };
  const char *values[4];

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (identifier != NULL);
  g_return_if_fail (etag != NULL);
  g_return_if_fail (edit != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_update_subject_async);

  values[0] = edit->name;
  values[1] = edit->industry;
  values[2] = edit->status;
  values[3] = edit->grade;
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (values[i] != NULL)
      {
        json_builder_set_member_name (builder, names[i]);
        json_builder_add_string_value (builder, values[i]);
      }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = subject_path (identifier);
  hc_client_send_etag_async (self, "PATCH", path, body, etag, cancellable,
                             subject_cb, g_steal_pointer (&task));
}

HcSubject *
hc_client_update_subject_finish (HcClient      *self,
                                 GAsyncResult  *result,
                                 char         **etag,
                                 GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_update_subject_async, NULL);

  return subject_finish (result, etag, error);
}
