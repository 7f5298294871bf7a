/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one export mechanism of every listing. A GET whose Accept asks for
 * CSV or XLSX runs the listing's own route again and again in export mode
 * (hcs_request_export_page()): each run reads the next 1,000 rows from the
 * cursor of the last, with the listing's filters, and its answer — masked
 * as the listing is for this role — goes row by row into a temporary file,
 * between other requests of the worker. When the last page is in, the
 * export is audited and the file is sent in chunks. Memory stays flat
 * whatever the number of rows; a route that answers anything other than a
 * page (an error, or it is no listing) answers as usual, in JSON. */
#define G_LOG_DOMAIN "hcs-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hc-core.h"
#include "hcs-export.h"
#include "hcs-export-columns.h"
#include "hcs-i18n.h"
#include "hcs-store-audit.h"

#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  HcsRequest            *req;
  const HcsRoute        *route;
  HcsExportFormat        format;
  const HcsExportTable  *table;
  GPtrArray             *members;   /* the columns' members, when no table */
  HcsLanguage            language;  /* the reader's, for headers and labels */

  HcsExportWriter       *writer;
  char                  *path;
  char                  *cursor;
  gint64                 rows;
  GSource               *source;

  int                    fd;        /* the finished file, being sent */
  goffset                size;
  goffset                sent;
  gulong                 wrote_chunk_id;
  gulong                 finished_id;
} ExportJob;

typedef enum
{
  STEP_MORE,       /* a page written, more to come */
  STEP_DONE,       /* the last page written */
  STEP_ANSWERED,   /* the message holds an answer of its own (JSON) */
} Step;

/* Which of our types the client wants most (RFC 9110 §12.5.1); ties go to
 * the first named. Anything else, or JSON, leaves the listing as it is. */
HcsExportFormat
hcs_export_negotiate (HcsRequest *req)
{
  const char *accept = hcs_request_get_header (req, "Accept");
  g_auto(GStrv) ranges = NULL;
  HcsExportFormat best = HCS_EXPORT_NONE;
  double best_q = 0;

  if (accept == NULL)
    return HCS_EXPORT_NONE;
  ranges = g_strsplit (accept, ",", -1);
  for (guint i = 0; ranges[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (ranges[i], ";", -1);
      g_autofree char *type = g_ascii_strdown (g_strstrip (parts[0]), -1);
      HcsExportFormat format;
      double q = 1;

      for (guint j = 1; parts[j] != NULL; j++)
        {
          char *param = g_strstrip (parts[j]);

          if (g_ascii_strncasecmp (param, "q=", 2) == 0)
            q = g_ascii_strtod (param + 2, NULL);
        }
      if (g_str_equal (type, HCS_EXPORT_CSV_TYPE))
        format = HCS_EXPORT_CSV;
      else if (g_str_equal (type, HCS_EXPORT_XLSX_TYPE))
        format = HCS_EXPORT_XLSX;
      else if (g_str_equal (type, "application/json") || g_str_equal (type, "application/*") ||
               g_str_equal (type, "*/*"))
        format = HCS_EXPORT_NONE;
      else
        continue;
      if (q > best_q)
        {
          best_q = q;
          best = format;
        }
    }
  return best;
}

static void
export_job_free (ExportJob *job)
{
  SoupServerMessage *msg = hcs_request_get_message (job->req);

  g_clear_signal_handler (&job->wrote_chunk_id, msg);
  g_clear_signal_handler (&job->finished_id, msg);
  if (job->source != NULL)
    {
      g_source_destroy (job->source);
      g_clear_pointer (&job->source, g_source_unref);
    }
  g_clear_pointer (&job->writer, hcs_export_writer_free);
  if (job->path != NULL)
    g_unlink (job->path);
  if (job->fd >= 0)
    close (job->fd);
  g_clear_pointer (&job->members, g_ptr_array_unref);
  g_free (job->path);
  g_free (job->cursor);
  hcs_request_free (job->req);
  g_free (job);
}

/* The resource's name, for a listing without a table: the last fixed
 * segment of its pattern ("/users" → "users"). */
static char *
pattern_title (const char *pattern)
{
  g_auto(GStrv) segments = g_strsplit (pattern, "/", -1);

  for (guint i = g_strv_length (segments); i > 0; i--)
    if (segments[i - 1][0] != '\0' && segments[i - 1][0] != '{')
      return g_strdup (segments[i - 1]);
  return g_strdup ("export");
}

static gboolean
open_writer (ExportJob  *job,
             JsonArray  *first_page,
             GError    **error)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *title = NULL;
  int fd;

  title = job->table ? g_strdup (hcs_i18n_text (job->language, "export", job->table->title))
                     : pattern_title (job->route->pattern);
  fd = g_file_open_tmp (job->format == HCS_EXPORT_CSV ? "hncredit-export-XXXXXX.csv"
                                                     : "hncredit-export-XXXXXX.xlsx",
                        &job->path, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  job->writer = hcs_export_writer_new (job->format, job->path, title, error);
  if (job->writer == NULL)
    return FALSE;

  if (job->table != NULL)
    {
      for (guint i = 0; i < job->table->n_columns; i++)
        {
          g_ptr_array_add (labels, (gpointer) hcs_i18n_text (job->language, "export",
                                                             job->table->columns[i].label));
          g_array_append_val (widths, job->table->columns[i].width);
        }
    }
  else
    {
      /* A listing without a table exports the members of its first row,
       * under their own names. */
      job->members = g_ptr_array_new_with_free_func (g_free);
      if (json_array_get_length (first_page) > 0)
        {
          JsonObject *row = json_array_get_object_element (first_page, 0);
          g_autoptr(GList) names = json_object_get_members (row);

          for (GList *l = names; l != NULL; l = l->next)
            {
              double width = MAX (10, strlen (l->data) + 2);

              g_ptr_array_add (job->members, g_strdup (l->data));
              g_array_append_val (widths, width);
            }
        }
      for (guint i = 0; i < job->members->len; i++)
        g_ptr_array_add (labels, job->members->pdata[i]);
    }
  return hcs_export_writer_header (job->writer, (const char * const *) labels->pdata,
                                   (const double *) (gpointer) widths->data, labels->len, error);
}

/* A list of named things ("measures") reads as their names. */
static char *
array_text (JsonArray *array)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      const char *text = NULL;

      if (JSON_NODE_HOLDS_OBJECT (e) && json_object_has_member (json_node_get_object (e), "name"))
        text = json_object_get_string_member_with_default (json_node_get_object (e), "name", NULL);
      else if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
        text = json_node_get_string (e);
      if (text == NULL)
        return NULL;
      if (i > 0)
        g_string_append (s, "、");
      g_string_append (s, text);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* One cell from a row's member; texts it makes go to @owned. */
static HcsExportCell
make_cell (JsonObject              *row,
           const char              *member,
           const HcsExportColumn   *column,
           HcsLanguage              language,
           GPtrArray               *owned)
{
  JsonNode *node = json_object_get_member (row, member);
  HcsExportCell cell = { "", 0 };
  char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return cell;
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        cell.text = json_node_get_string (node);
      else if (type == G_TYPE_BOOLEAN)
        cell.text = hcs_i18n_text (language, "export", json_node_get_boolean (node) ? NC_ ("export", "Yes")
                                                                                   : NC_ ("export", "No"));
      else if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
        {
          cell.text = NULL;
          cell.number = json_node_get_double (node);
          if (column != NULL && column->label_of != NULL)
            cell.text = text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node) && (text = array_text (json_node_get_array (node))) != NULL)
    cell.text = text;
  else
    cell.text = text = json_to_string (node, FALSE);

  if (text != NULL)
    g_ptr_array_add (owned, text);
  if (cell.text != NULL && column != NULL && column->label_of != NULL)
    cell.text = hcs_i18n_text (language, "export", column->label_of (cell.text, language));
  return cell;
}

static gboolean
write_page (ExportJob  *job,
            JsonArray  *rows,
            GError    **error)
{
  guint n_columns = job->table ? job->table->n_columns : job->members->len;
  g_autofree HcsExportCell *cells = g_new0 (HcsExportCell, MAX (n_columns, 1));
  guint n = json_array_get_length (rows);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
      JsonObject *row;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      row = json_node_get_object (node);
      for (guint c = 0; c < n_columns; c++)
        {
          const HcsExportColumn *column = job->table ? &job->table->columns[c] : NULL;

          cells[c] = make_cell (row, column ? column->member : job->members->pdata[c], column, job->language, owned);
        }
      if (!hcs_export_writer_row (job->writer, cells, n_columns, error))
        return FALSE;
      job->rows++;
    }
  return TRUE;
}

static void
reply_failed (ExportJob    *job,
              const GError *error)
{
  g_warning ("export of %s failed: %s", job->route->pattern, error->message);
  hcs_request_reply_error (job->req, HCS_ERR_EXPORT_FAILED, NULL,
                           _("The server could not write the export; try again later, and tell the administrator if it persists."));
}

/* Runs the route once more for the next page and writes what it answers. */
static Step
export_step (ExportJob *job)
{
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;

  hcs_request_export_page (job->req, job->cursor);
  job->route->func (job->req);
  rows = hcs_request_export_take (job->req, &next);
  if (rows == NULL)
    {
      if (!hcs_request_has_replied (job->req))
        hcs_request_reply_error (job->req, HCS_ERR_INTERNAL, NULL,
                                 _("The server could not complete this; nothing was changed."));
      return STEP_ANSWERED;
    }
  if ((job->writer == NULL && !open_writer (job, rows, &error)) ||
      !write_page (job, rows, &error))
    {
      reply_failed (job, error);
      return STEP_ANSWERED;
    }
  g_free (job->cursor);
  job->cursor = g_steal_pointer (&next);
  return job->cursor != NULL ? STEP_MORE : STEP_DONE;
}

/* The filters of the export, for the audit: the query without paging. */
static JsonObject *
export_filters (ExportJob *job)
{
  GUri *uri = soup_server_message_get_uri (hcs_request_get_message (job->req));
  JsonObject *filters = json_object_new ();
  g_autoptr(GHashTable) query = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (g_uri_get_query (uri) == NULL)
    return filters;
  query = soup_form_decode (g_uri_get_query (uri));
  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_str_equal (key, "cursor") && !g_str_equal (key, "limit") && !g_str_equal (key, "total"))
      json_object_set_string_member (filters, key, value);
  return filters;
}

static gboolean
audit_export (ExportJob  *job,
              GError    **error)
{
  SoupServerMessage *msg = hcs_request_get_message (job->req);
  g_autoptr(JsonNode) after = json_node_new (JSON_NODE_OBJECT);
  JsonObject *obj = json_object_new ();

  json_object_set_string_member (obj, "format", job->format == HCS_EXPORT_CSV ? "csv" : "xlsx");
  json_object_set_string_member (obj, "route", job->route->pattern);
  json_object_set_string_member (obj, "path", g_uri_get_path (soup_server_message_get_uri (msg)));
  json_object_set_object_member (obj, "filters", export_filters (job));
  json_object_set_int_member (obj, "rows", job->rows);
  json_node_take_object (after, obj);
  return hcs_store_audit_record (hcs_request_write_store (job->req), hcs_request_get_actor (job->req),
                                 "export", job->route->pattern, NULL, NULL, after, error);
}

static void
send_chunk (ExportJob *job)
{
  SoupServerMessage *msg = hcs_request_get_message (job->req);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autofree char *buf = NULL;
  gssize n;

  if (job->sent >= job->size)
    return;
  buf = g_malloc (CHUNK_SIZE);
  do
    n = read (job->fd, buf, CHUNK_SIZE);
  while (n < 0 && errno == EINTR);
  if (n <= 0)
    {
      /* The file shrank under us: end the body short, the client sees a
       * broken transfer rather than a wrong file. */
      g_warning ("export of %s: reading the file failed: %s", job->route->pattern,
                 n < 0 ? g_strerror (errno) : "end of file");
      job->sent = job->size;
      soup_message_body_complete (body);
    }
  else
    {
      job->sent += n;
      soup_message_body_append (body, SOUP_MEMORY_TAKE, g_steal_pointer (&buf), n);
    }
  soup_server_message_unpause (msg);
}

static void
on_wrote_chunk (SoupServerMessage *msg,
                ExportJob         *job)
{
  send_chunk (job);
}

static void
on_finished (SoupServerMessage *msg,
             ExportJob         *job)
{
  export_job_free (job);
}

static char *
content_disposition (ExportJob *job)
{
  g_autoptr(GDateTime) now = hc_hainan_now ();
  g_autofree char *stem = job->table ? g_strdup (hcs_i18n_text (job->language, "export", job->table->title))
                                     : pattern_title (job->route->pattern);
  g_autofree char *date = g_date_time_format (now, "%Y%m%d");
  const char *ext = job->format == HCS_EXPORT_CSV ? "csv" : "xlsx";
  g_autofree char *name = g_strdup_printf ("%s-%s.%s", stem, date, ext);
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);

  /* RFC 6266: an ASCII name for old clients, the real one in UTF-8. */
  return g_strdup_printf ("attachment; filename=\"export-%s.%s\"; filename*=UTF-8''%s", date, ext, escaped);
}

/* All rows are in: close the file, audit, and send it. */
static void
export_finish (ExportJob *job)
{
  SoupServerMessage *msg = hcs_request_get_message (job->req);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(GError) error = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *rows = NULL;
  struct stat st;

  if (!hcs_export_writer_close (job->writer, &error))
    {
      reply_failed (job, error);
      soup_server_message_unpause (msg);
      return;
    }
  g_clear_pointer (&job->writer, hcs_export_writer_free);
  /* No export leaves without its audit entry. */
  if (!audit_export (job, &error))
    {
      hcs_request_reply_gerror (job->req, error);
      soup_server_message_unpause (msg);
      return;
    }
  job->fd = g_open (job->path, O_RDONLY | O_CLOEXEC, 0);
  if (job->fd < 0 || fstat (job->fd, &st) != 0)
    {
      int errsv = errno;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errsv), "%s", g_strerror (errsv));
      reply_failed (job, error);
      soup_server_message_unpause (msg);
      return;
    }
  /* Open is enough from here on; the name can go now. */
  g_unlink (job->path);
  g_clear_pointer (&job->path, g_free);
  job->size = st.st_size;

  disposition = content_disposition (job);
  rows = g_strdup_printf ("%" G_GINT64_FORMAT, job->rows);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers,
                                         job->format == HCS_EXPORT_CSV ? HCS_EXPORT_CSV_TYPE "; charset=utf-8"
                                                                       : HCS_EXPORT_XLSX_TYPE,
                                         NULL);
  soup_message_headers_replace (headers, "Content-Disposition", disposition);
  soup_message_headers_replace (headers, "X-Export-Rows", rows);
  soup_message_headers_set_content_length (headers, job->size);
  /* Sent chunks are dropped, not kept in the message. */
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
  job->wrote_chunk_id = g_signal_connect (msg, "wrote-chunk", G_CALLBACK (on_wrote_chunk), job);
  send_chunk (job);
}

static gboolean
export_continue (gpointer data)
{
  ExportJob *job = data;
  SoupServerMessage *msg = hcs_request_get_message (job->req);

  switch (export_step (job))
    {
    case STEP_MORE:
      return G_SOURCE_CONTINUE;
    case STEP_DONE:
      export_finish (job);
      break;
    case STEP_ANSWERED:
    default:
      soup_server_message_unpause (msg);
      break;
    }
  g_clear_pointer (&job->source, g_source_unref);
  return G_SOURCE_REMOVE;
}

/**
 * hcs_export_run:
 * @request: (transfer full): an authorised GET of @route
 *
 * Answers @request with the whole listing in @format, or with whatever the
 * route answers that is not a page (then in JSON, as without the Accept).
 */
void
hcs_export_run (HcsRequest     *request,
                const HcsRoute *route,
                HcsExportFormat format)
{
  ExportJob *job = g_new0 (ExportJob, 1);
  SoupServerMessage *msg = hcs_request_get_message (request);

  job->req = request;
  job->language = hcs_i18n_request_language (request);
  job->route = route;
  job->format = format;
  job->table = hcs_export_table_lookup (route->pattern, hcs_request_query (request, "kind"));
  job->fd = -1;

  switch (export_step (job))
    {
    case STEP_ANSWERED:
      export_job_free (job);
      return;
    case STEP_DONE:
      soup_server_message_pause (msg);
      job->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (on_finished), job);
      export_finish (job);
      return;
    case STEP_MORE:
    default:
      /* The other pages between other requests of this worker. */
      soup_server_message_pause (msg);
      job->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (on_finished), job);
      job->source = g_idle_source_new ();
      g_source_set_priority (job->source, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_callback (job->source, export_continue, job, NULL);
      g_source_attach (job->source, g_main_context_get_thread_default ());
      return;
    }
}
