/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's exports: a listing's whole result streamed to a file. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "hc-client-private.h"

#define EXPORT_CHUNK (64 * 1024)

typedef struct
{
  SoupMessage           *msg;
  GInputStream          *in;
  GOutputStream         *out;
  GFile                 *dest;
  GFileProgressCallback  progress;
  gpointer               progress_data;
  goffset                total;
  goffset                done;
  gint64                 rows;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *d = data;

  g_clear_object (&d->msg);
  g_clear_object (&d->in);
  g_clear_object (&d->out);
  g_clear_object (&d->dest);
  g_free (d);
}

static void export_read_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
export_closed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, d->rows);
}

static void
export_wrote_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  /* read before the task is stolen in the same argument list */
  GCancellable *cancellable = g_task_get_cancellable (task);
  ExportData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gsize written;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, &written, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  d->done += written;
  if (d->progress != NULL)
    d->progress (d->done, d->total, d->progress_data);
  g_input_stream_read_bytes_async (d->in, EXPORT_CHUNK, G_PRIORITY_DEFAULT,
                                   cancellable, export_read_cb,
                                   g_steal_pointer (&task));
}

static void
export_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  /* read before the task is stolen in the same argument list */
  GCancellable *cancellable = g_task_get_cancellable (task);
  ExportData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  gsize len;
  const void *data;

  if (bytes == NULL)
    {
      g_task_return_error (task, _hc_client_error_from_transport (g_task_get_source_object (task), g_steal_pointer (&error)));
      return;
    }
  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    {
      /* A body cut short is a failed export, not a shorter file. */
      if (d->total > 0 && d->done != d->total)
        {
          g_task_return_error (task, _hc_client_error_new (HC_CLIENT_ERROR_UNREACHABLE, NULL, NULL,
                                                           _("The export was cut off before it was complete; try again.")));
          return;
        }
      g_output_stream_close_async (d->out, G_PRIORITY_DEFAULT, cancellable,
                                   export_closed_cb, g_steal_pointer (&task));
      return;
    }
  /* The bytes live in the task's queue until written. */
  g_object_set_data_full (G_OBJECT (task), "chunk", g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_output_stream_write_all_async (d->out, data, len, G_PRIORITY_DEFAULT,
                                   cancellable, export_wrote_cb,
                                   g_steal_pointer (&task));
}

static void
export_replaced_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  /* read before the task is stolen in the same argument list */
  GCancellable *cancellable = g_task_get_cancellable (task);
  ExportData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  d->out = G_OUTPUT_STREAM (g_file_replace_finish (G_FILE (source), result, &error));
  if (d->out == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_input_stream_read_bytes_async (d->in, EXPORT_CHUNK, G_PRIORITY_DEFAULT,
                                   cancellable, export_read_cb,
                                   g_steal_pointer (&task));
}

static void
export_error_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HcClient *self = g_task_get_source_object (task);
  ExportData *d = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, NULL);

  g_task_return_error (task, _hc_client_answer_error (self, soup_message_get_status (d->msg), bytes));
}

static void
export_sent_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  /* read before the task is stolen in the same argument list */
  GCancellable *cancellable = g_task_get_cancellable (task);
  ExportData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  const char *rows;

  d->in = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (d->in == NULL)
    {
      g_task_return_error (task, _hc_client_error_from_transport (g_task_get_source_object (task), g_steal_pointer (&error)));
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (d->msg)))
    {
      g_input_stream_read_bytes_async (d->in, EXPORT_CHUNK, G_PRIORITY_DEFAULT,
                                       cancellable, export_error_read_cb,
                                       g_steal_pointer (&task));
      return;
    }
  headers = soup_message_get_response_headers (d->msg);
  d->total = soup_message_headers_get_content_length (headers);
  rows = soup_message_headers_get_one (headers, "X-Export-Rows");
  d->rows = rows ? g_ascii_strtoll (rows, NULL, 10) : -1;
  g_file_replace_async (d->dest, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, G_PRIORITY_DEFAULT,
                        cancellable, export_replaced_cb, g_steal_pointer (&task));
}

/**
 * hc_client_export_async:
 * @path: a listing below /api/v1 with its filters ("/subjects?region=460100")
 * @dest: the file to write (replaced once complete)
 * @progress: (nullable): called as bytes arrive, with the total when known
 *
 * Exports the listing's whole result in @format, streamed to @dest; the
 * server applies the same filters and masking as the listing, and audits it.
 */
void
hc_client_export_async (HcClient              *self,
                        const char            *path,
                        HcExportFormat         format,
                        GFile                 *dest,
                        GFileProgressCallback  progress,
                        gpointer               progress_data,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *d;
  GError *error = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (G_IS_FILE (dest));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_export_async);
  d = g_new0 (ExportData, 1);
  d->dest = g_object_ref (dest);
  d->progress = progress;
  d->progress_data = progress_data;
  g_task_set_task_data (task, d, export_data_free);

  d->msg = _hc_client_new_message (self, "GET", path,
                                   format == HC_EXPORT_FORMAT_CSV
                                     ? "text/csv"
                                     : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                   &error);
  if (d->msg == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  soup_session_send_async (_hc_client_get_session (self), d->msg, G_PRIORITY_DEFAULT, cancellable,
                           export_sent_cb, g_steal_pointer (&task));
}

/* Returns: the number of rows exported, -1 when the server did not say */
gint64
hc_client_export_finish (HcClient      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), -1);
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_export_async, -1);

  return g_task_propagate_int (G_TASK (result), error);
}
