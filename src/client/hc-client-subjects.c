/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's typed calls for 市场主体: list (keyset pages), read, edit. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"

/* GET /subjects */

static GString *
subjects_path (const HcSubjectQuery *query)
{
  GString *path = g_string_new ("/subjects");

  if (query != NULL)
    {
      _hc_client_query_add (path, "q", query->q);
      _hc_client_query_add (path, "region", query->region);
      _hc_client_query_add (path, "type", query->type);
      _hc_client_query_add (path, "grade", query->grade);
      _hc_client_query_add (path, "status", query->status);
      _hc_client_query_add (path, "sort", query->sort);
    }
  return path;
}

/* Returns: (transfer full): the path of the subjects matching @query, for
 * their export (hc_client_export_async()) */
char *
hc_client_subjects_path (const HcSubjectQuery *query)
{
  return g_string_free (subjects_path (query), FALSE);
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
  g_autoptr(GString) path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  path = subjects_path (query);
  _hc_client_query_add_page (path, cursor, limit, want_total);
  _hc_client_call_page_async (self, hc_client_list_subjects_async, path->str, HC_TYPE_SUBJECT,
                              (HcItemFromJson) hc_subject_new_from_json, FALSE,
                              cancellable, callback, user_data);
}

void
hc_client_list_subjects_at_async (HcClient             *self,
                                  const HcSubjectQuery *query,
                                  guint                 offset,
                                  guint                 limit,
                                  HcTotalMode           total,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_autoptr(GString) path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  path = subjects_path (query);
  _hc_client_query_add_page (path, NULL, limit, total == HC_TOTAL_EXACT);
  if (total == HC_TOTAL_ESTIMATE)
    _hc_client_query_add (path, "total", "estimate");
  if (offset > 0)
    _hc_client_query_add_int (path, "offset", offset);
  /* One source tag for both: hc_client_list_subjects_finish() takes either. */
  _hc_client_call_page_async (self, hc_client_list_subjects_async, path->str, HC_TYPE_SUBJECT,
                              (HcItemFromJson) hc_subject_new_from_json, FALSE,
                              cancellable, callback, user_data);
}

void
hc_client_list_subjects_from_end_async (HcClient             *self,
                                        const HcSubjectQuery *query,
                                        guint                 from_end,
                                        guint                 limit,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  g_autoptr(GString) path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  path = subjects_path (query);
  _hc_client_query_add_page (path, NULL, limit, FALSE);
  _hc_client_query_add_int (path, "from_end", from_end);
  _hc_client_call_page_async (self, hc_client_list_subjects_async, path->str, HC_TYPE_SUBJECT,
                              (HcItemFromJson) hc_subject_new_from_json, FALSE,
                              cancellable, callback, user_data);
}

HcPage *
hc_client_list_subjects_finish (HcClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_subjects_async, error);
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

static gpointer
subject_answer_new (JsonObject *obj,
                    const char *etag)
{
  HcSubject *subject = hc_subject_new_from_json (obj);
  SubjectAnswer *answer;

  if (subject == NULL)
    return NULL;
  answer = g_new0 (SubjectAnswer, 1);
  answer->subject = subject;
  answer->etag = g_strdup (etag);
  return answer;
}

/* "/subjects/{identifier}" with the identifier escaped, then @tail
 * (a sub-path or a query), for every call about one subject. */
char *
_hc_client_subject_path (const char *identifier,
                         const char *tail)
{
  g_autofree char *escaped = g_uri_escape_string (identifier, NULL, FALSE);

  return g_strconcat ("/subjects/", escaped, tail, NULL);
}

void
hc_client_get_subject_async (HcClient            *self,
                             const char          *identifier,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (identifier != NULL);

  path = _hc_client_subject_path (identifier, NULL);
  _hc_client_call_etag_async (self, hc_client_get_subject_async, "GET", path, NULL, NULL,
                              subject_answer_new, (GDestroyNotify) subject_answer_free,
                              cancellable, callback, user_data);
}

static HcSubject *
subject_finish (HcClient      *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                char         **etag,
                GError       **error)
{
  SubjectAnswer *answer = _hc_client_call_finish (self, result, source_tag, error);
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
  return subject_finish (self, result, hc_client_get_subject_async, etag, error);
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
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  const char *names[] = { "name", "industry", "status", "grade", "grade_reason" };
  const char *values[5];

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (identifier != NULL);
  g_return_if_fail (etag != NULL);
  g_return_if_fail (edit != NULL);

  values[0] = edit->name;
  values[1] = edit->industry;
  values[2] = edit->status;
  values[3] = edit->grade;
  values[4] = edit->grade_reason;
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (values[i] != NULL)
      {
        json_builder_set_member_name (builder, names[i]);
        json_builder_add_string_value (builder, values[i]);
      }
  if (edit->lift_grade && edit->grade == NULL)
    {
      json_builder_set_member_name (builder, "grade");
      json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = _hc_client_subject_path (identifier, NULL);
  _hc_client_call_etag_async (self, hc_client_update_subject_async, "PATCH", path, body, etag,
                              subject_answer_new, (GDestroyNotify) subject_answer_free,
                              cancellable, callback, user_data);
}

HcSubject *
hc_client_update_subject_finish (HcClient      *self,
                                 GAsyncResult  *result,
                                 char         **etag,
                                 GError       **error)
{
  return subject_finish (self, result, hc_client_update_subject_async, etag, error);
}
