/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /lists/match and /lists/match-runs: 名单自动比对 — a file or list of
 * subjects matched against the entries in force, each run kept with who
 * ran it, when, and the hash of what it was given; its hits and unreadable
 * rows as listings (and so as exports), false matches cleared, re-runs
 * with their difference, and the departments' feedback (效果自动反馈). */
#define G_LOG_DOMAIN "hcs-route-match"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-export-writer.h"
#include "hcs-import-xlsx.h"
#include "hcs-list-rules.h"
#include "hcs-mask.h"
#include "hcs-routes.h"
#include "hcs-store-lists.h"
#include "hcs-store-match.h"
#include "hcs-store-records.h"
#include "hcs-throttle.h"
#include "hcs-write.h"

/* 名单自动比对 takes up to this many subjects in one request. */
#define MAX_MATCH_SUBJECTS 100000
#define MAX_MATCH_BODY     (16 * 1024 * 1024)

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

typedef struct
{
  GPtrArray  *identifiers;   /* normalised, distinct */
  GPtrArray  *persons;       /* those of them that are ID numbers (not owned) */
  GHashTable *seen;
  JsonArray  *invalid;
  guint       received;
} MatchInput;

static void
match_input_init (MatchInput *in)
{
  in->identifiers = g_ptr_array_new_with_free_func (g_free);
  in->persons = g_ptr_array_new ();
  in->seen = g_hash_table_new (g_str_hash, g_str_equal);
  in->invalid = json_array_new ();
  in->received = 0;
}

static void
match_input_clear (MatchInput *in)
{
  g_clear_pointer (&in->persons, g_ptr_array_unref);
  g_clear_pointer (&in->identifiers, g_ptr_array_unref);
  g_clear_pointer (&in->seen, g_hash_table_unref);
  g_clear_pointer (&in->invalid, json_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MatchInput, match_input_clear)

/* One subject of the input, numbered @row: kept once when it reads as a
 * USCC or an ID number, else reported with the rule it fails. */
static void
match_input_add (MatchInput *in,
                 guint       row,
                 const char *text)
{
  HcsIdentifierKind kind;
  const char *code = NULL;
  char *norm;

  in->received++;
  norm = text ? hcs_identifier_normalize (text, &kind, &code) : NULL;
  if (norm == NULL)
    {
      JsonObject *bad = json_object_new ();

      json_object_set_int_member (bad, "row", row);
      if (text != NULL)
        json_object_set_string_member (bad, "value", text);
      else
        json_object_set_null_member (bad, "value");
      json_object_set_string_member (bad, "code", text ? code : "invalid_type");
      json_array_add_object_element (in->invalid, bad);
      return;
    }
  if (g_hash_table_contains (in->seen, norm))
    {
      g_free (norm);
      return;
    }
  g_hash_table_add (in->seen, norm);
  g_ptr_array_add (in->identifiers, norm);
  if (kind == HCS_IDENTIFIER_ID_NUMBER)
    g_ptr_array_add (in->persons, norm);
}

static gboolean
too_many (HcsRequest *req,
          guint       n)
{
  if (n <= MAX_MATCH_SUBJECTS)
    return FALSE;
  hcs_request_reply_error (req, HCS_ERR_TOO_MANY_SUBJECTS, "subjects",
                           _("At most %u subjects can be matched at once; this request has %u. Split the file."),
                           (guint) MAX_MATCH_SUBJECTS, n);
  return TRUE;
}

static gboolean
is_header (const char *field)
{
  return g_ascii_strcasecmp (field, "identifier") == 0 || g_str_equal (field, "统一社会信用代码") ||
         g_str_equal (field, "统一社会信用代码或身份证号码") || g_str_equal (field, "证件号码") ||
         g_str_equal (field, "身份证号码") || g_str_equal (field, "主体标识");
}

/* The cells of one CSV line, in place: commas outside quotes end a cell,
 * "" in quotes is a quote; each cell trimmed. */
static void
split_csv_line (char      *line,
                GPtrArray *cells)
{
  char *p = line, *out = line, *start = line;
  gboolean quoted = FALSE;

  g_ptr_array_set_size (cells, 0);
  for (;; p++)
    {
      if (*p == '"')
        {
          if (quoted && p[1] == '"')
            *out++ = *++p;
          else
            quoted = !quoted;
          continue;
        }
      if (*p == '\0' || (*p == ',' && !quoted))
        {
          gboolean end = *p == '\0';

          *out = '\0';
          g_ptr_array_add (cells, g_strstrip (start));
          if (end)
            return;
          start = out = p + 1;
          continue;
        }
      *out++ = *p;
    }
}

/* The column of the identifiers: the one whose header names it, else the
 * first. Returns: whether @cells is that header row. */
static gboolean
find_header (GPtrArray *cells,
             guint     *column)
{
  for (guint i = 0; i < cells->len; i++)
    if (is_header (g_ptr_array_index (cells, i)))
      {
        *column = i;
        return TRUE;
      }
  return FALSE;
}

/* The identifier column (an optional header row names it, and the name
 * column may follow); rows are numbered as lines of the file, from 1.
 * UTF-8, or GB18030 as Excel saves Chinese CSV. */
static gboolean
read_csv (HcsRequest *req,
          MatchInput *in)
{
  g_autoptr(GBytes) body = hcs_request_get_body (req);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();   /* into @text */
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *text = NULL;
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  char *p, *next, *end;
  guint row = 0, column = 0;
  gboolean started = FALSE;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (g_utf8_validate (data, len, NULL))
    text = g_strndup (data, len);
  else if ((text = g_convert (data, len, "UTF-8", "GB18030", NULL, NULL, NULL)) == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_CSV, NULL,
                               _("The CSV file is neither UTF-8 nor GB18030 text; save it as UTF-8 and send it again."));
      return FALSE;
    }
  for (p = text, end = text + strlen (text); p < end; p = next)
    {
      char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *field;

      next = nl != NULL ? nl + 1 : end;
      if (nl != NULL)
        *nl = '\0';
      row++;
      split_csv_line (p, cells);
      if (cells->len == 1 && *(const char *) g_ptr_array_index (cells, 0) == '\0')
        continue;
      if (!started)
        {
          started = TRUE;
          if (find_header (cells, &column))
            continue;
        }
      field = column < cells->len ? g_ptr_array_index (cells, column) : "";
      g_ptr_array_add (fields, (gpointer) field);
      g_array_append_val (rows, row);
    }
  if (too_many (req, fields->len))
    return FALSE;
  for (guint i = 0; i < fields->len; i++)
    match_input_add (in, g_array_index (rows, guint, i), g_ptr_array_index (fields, i));
  return TRUE;
}

/* The first worksheet, read as the imports read it; rows by their number
 * in the sheet. */
static gboolean
read_xlsx (HcsRequest *req,
           MatchInput *in)
{
  g_autoptr(GBytes) body = hcs_request_get_body (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheet = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  guint column = 0, first = 0, n;

  sheet = hcs_import_xlsx_read (data, len, &error);
  if (sheet == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_XLSX, NULL, "%s", error->message);
      return FALSE;
    }
  if (sheet->len > 0)
    {
      HcsXlsxRow *head = g_ptr_array_index (sheet, 0);

      for (guint i = 0; head->cells[i] != NULL; i++)
        g_ptr_array_add (cells, g_strstrip (head->cells[i]));
      if (find_header (cells, &column))
        first = 1;
    }
  n = sheet->len - first;
  if (too_many (req, n))
    return FALSE;
  for (guint i = first; i < sheet->len; i++)
    {
      HcsXlsxRow *row = g_ptr_array_index (sheet, i);
      guint n_cells = g_strv_length (row->cells);
      const char *cell = column < n_cells ? g_strstrip (row->cells[column]) : "";

      if (*cell == '\0' && n_cells <= 1)
        continue;
      match_input_add (in, row->number, cell);
    }
  return TRUE;
}

static gboolean
read_json (HcsRequest  *req,
           MatchInput  *in,
           const char **purpose)
{
  JsonNode *root = hcs_request_json (req);
  JsonArray *subjects = NULL;

  if (root == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (root))
    subjects = json_node_get_array (root);
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *obj = json_node_get_object (root);

      if (!hcs_request_field_array (req, obj, "subjects", HCS_FIELD_REQUIRED, &subjects) ||
          !hcs_request_field_string (req, obj, "purpose", HCS_FIELD_OPTIONAL | HCS_FIELD_MULTILINE, purpose))
        return FALSE;
    }
  else
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_JSON, NULL,
                               _("Send {\"subjects\": [identifiers…]}, a JSON array of identifiers, or a CSV or XLSX file."));
      return FALSE;
    }
  if (too_many (req, json_array_get_length (subjects)))
    return FALSE;
  /* An identifier that is not text is the sender's mistake, not a row of
   * data to report as unreadable: nothing is run. */
  for (guint i = 0; i < json_array_get_length (subjects); i++)
    {
      JsonNode *node = json_array_get_element (subjects, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          hcs_request_reply_error (req, HCS_ERR_INVALID_TYPE, "subjects",
                                   _("The identifier at position %u of “subjects” is not text; send each identifier as a string."),
                                   i + 1);
          return FALSE;
        }
    }
  for (guint i = 0; i < json_array_get_length (subjects); i++)
    match_input_add (in, i + 1, json_array_get_string_element (subjects, i));
  return TRUE;
}

/* The purpose of a file's run comes in ?purpose=. */
static gboolean
query_purpose (HcsRequest  *req,
               const char **purpose)
{
  const char *q = hcs_request_query (req, "purpose");

  if (q == NULL)
    return TRUE;
  if (strlen (q) > 500 || strchr (q, '\n') != NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "purpose",
                               _("The purpose is one line of at most 500 bytes."));
      return FALSE;
    }
  *purpose = q;
  return TRUE;
}

/* Matches @in's identifiers, records the run (audited) and answers it
 * with its hits and unreadable rows; with @previous, a re-run, its new and
 * gone hits too. */
static void
run_match (HcsRequest  *req,
           MatchInput  *in,
           const char  *purpose,
           const char  *format,
           const char  *sha256,
           gint64       previous,
           gint64       started)
{
  HcsStore *store = hcs_request_get_store (req);
  g_auto(HcsMatchResult) result = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *run_id_text = NULL;
  HcsMatchRun run = { 0, };
  gint64 run_id;
  JsonObject *answer;

  /* Only the natural persons' numbers count (and are audited); the kind of
   * each identifier is known from its check. */
  if (!hcs_throttle_person_lookups (req, (const char * const *) in->persons->pdata, in->persons->len))
    return;
  if (!hcs_store_match (store, (const char * const *) in->identifiers->pdata, in->identifiers->len,
                        &result, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  run.actor = hcs_request_get_actor (req)->username;
  run.purpose = purpose;
  run.input_sha256 = sha256;
  run.input_format = format;
  run.identifiers = (const char * const *) in->identifiers->pdata;
  run.n_identifiers = in->identifiers->len;
  run.subjects = in->received;
  run.invalid = in->invalid;
  run.previous_run_id = previous;
  run.duration_ms = (g_get_monotonic_time () - started) / 1000;
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (run_id = hcs_store_match_record (store, &run, &result, &error)) == 0)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  summary = json_object_new ();
  json_object_set_int_member (summary, "run_id", run_id);
  json_object_set_string_member (summary, "purpose", purpose);
  json_object_set_string_member (summary, "input_sha256", sha256);
  json_object_set_string_member (summary, "input_format", format);
  json_object_set_int_member (summary, "subjects", in->received);
  json_object_set_int_member (summary, "invalid", json_array_get_length (in->invalid));
  json_object_set_int_member (summary, "hits", json_array_get_length (result.hits));
  json_object_set_int_member (summary, "cleared", result.cleared);
  if (previous > 0)
    json_object_set_int_member (summary, "previous_run_id", previous);
  run_id_text = id_text (run_id);
  if (!hcs_write_commit (w, previous > 0 ? "list_match.rerun" : "list_match.run", "match_run", run_id_text,
                         NULL, summary, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }

  answer = json_object_new ();
  json_object_set_int_member (answer, "run_id", run_id);
  json_object_set_int_member (answer, "subjects", in->received);
  json_object_set_string_member (answer, "input_sha256", sha256);
  json_object_set_int_member (answer, "cleared", result.cleared);
  json_object_set_array_member (answer, "invalid", json_array_ref (in->invalid));
  json_object_set_array_member (answer, "hits", g_steal_pointer (&result.hits));
  if (previous > 0)
    {
      HcsPage all = { .limit = MAX_MATCH_SUBJECTS };
      HcsMatchHitFilter new_hits = { .change = "new" }, gone_hits = { .change = "gone" };
      JsonArray *added, *gone;
      gint64 total;

      json_object_set_int_member (answer, "previous_run_id", previous);
      if ((added = hcs_store_match_hits (store, run_id, &new_hits, &all, &total, &error)) == NULL ||
          (gone = hcs_store_match_hits (store, run_id, &gone_hits, &all, &total, &error)) == NULL)
        {
          g_clear_pointer (&added, json_array_unref);
          json_object_unref (answer);
          hcs_request_reply_gerror (req, error);
          return;
        }
      json_object_set_array_member (answer, "new_hits", added);
      json_object_set_array_member (answer, "gone_hits", gone);
    }
  hcs_request_reply_object (req, SOUP_STATUS_OK, answer);
}

static void
match_subjects (HcsRequest *req)
{
  const char *content_type = hcs_request_get_header (req, "Content-Type");
  g_autoptr(GBytes) body = hcs_request_get_body (req);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
  const char *purpose = "", *format;
  g_auto(MatchInput) in = { 0, };
  gint64 started = g_get_monotonic_time ();
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  gboolean ok;

  match_input_init (&in);
  if ((content_type != NULL && g_ascii_strncasecmp (content_type, HCS_EXPORT_XLSX_TYPE,
                                                    strlen (HCS_EXPORT_XLSX_TYPE)) == 0) ||
      hcs_import_xlsx_is_zip (data, len))
    {
      format = "xlsx";
      ok = query_purpose (req, &purpose) && read_xlsx (req, &in);
    }
  else if (content_type != NULL && g_ascii_strncasecmp (content_type, "text/csv", 8) == 0)
    {
      format = "csv";
      ok = query_purpose (req, &purpose) && read_csv (req, &in);
    }
  else
    {
      format = "json";
      ok = read_json (req, &in, &purpose);
    }
  if (ok)
    run_match (req, &in, purpose, format, sha256, 0, started);
}

/* Returns: (transfer full) (nullable): the run of the path (@whole: with
 *   its counts and staleness, else its input only), or %NULL after answering 404 */
static JsonObject *
path_run (HcsRequest *req,
          gint64     *id,
          gboolean    whole)
{
  g_autoptr(GError) error = NULL;
  JsonObject *run;

  if (!hcs_request_path_id (req, "id", _("There is no such match run."), id))
    return NULL;
  run = (whole ? hcs_store_match_run_get : hcs_store_match_run_input) (hcs_request_get_store (req), *id, &error);
  if (run == NULL)
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "id", _("There is no such match run."));
      else
        hcs_request_reply_gerror (req, error);
    }
  return run;
}

/* The same subjects again, against the lists as they are now: a new run
 * that names its run, answered with the hits new and gone since. */
static void
rerun (HcsRequest *req)
{
  g_autoptr(JsonObject) run = NULL;
  g_autoptr(GPtrArray) identifiers = NULL;
  g_autoptr(JsonArray) invalid = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(MatchInput) in = { 0, };
  HcsPage all = { .limit = MAX_MATCH_SUBJECTS };
  gint64 started = g_get_monotonic_time ();
  gint64 id, total;

  if ((run = path_run (req, &id, FALSE)) == NULL)
    return;
  if (!json_object_get_boolean_member (run, "rerunnable"))
    {
      hcs_request_reply_error (req, SOUP_STATUS_CONFLICT, "not_rerunnable", NULL,
                               _("This run did not keep the subjects it was given, so it cannot be run again; match the file again."));
      return;
    }
  if ((identifiers = hcs_store_match_run_identifiers (hcs_request_get_store (req), id, &error)) == NULL ||
      (invalid = hcs_store_match_invalid (hcs_request_get_store (req), id, &all, &total, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  in.identifiers = g_steal_pointer (&identifiers);
  in.persons = g_ptr_array_new ();
  for (guint i = 0; i < in.identifiers->len; i++)
    if (hcs_mask_is_id_number (g_ptr_array_index (in.identifiers, i)))
      g_ptr_array_add (in.persons, g_ptr_array_index (in.identifiers, i));
  in.invalid = g_steal_pointer (&invalid);
  in.received = json_object_get_int_member (run, "subjects");
  for (guint i = 0; i < json_array_get_length (in.invalid); i++)
    json_object_remove_member (json_array_get_object_element (in.invalid, i), "id");
  run_match (req, &in, json_object_get_string_member (run, "purpose"),
             json_object_get_string_member (run, "input_format"),
             json_object_get_string_member (run, "input_sha256"), id, started);
}

static void
list_match_runs (HcsRequest *req)
{
  g_auto(HcsPage) page = { 0, };
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  gint64 total;

  if (!hcs_request_page (req, &page))
    return;
  rows = hcs_store_match_runs (hcs_request_get_store (req), &page, &total, &error);
  if (rows == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_rows (req, rows, &page, NULL, total);
}

static void
get_match_run (HcsRequest *req)
{
  JsonObject *run;
  gint64 id;

  if ((run = path_run (req, &id, TRUE)) != NULL)
    hcs_request_reply_object (req, SOUP_STATUS_OK, run);
}

static gboolean
query_one_of (HcsRequest          *req,
              const char          *name,
              const char * const  *allowed,
              const char         **value)
{
  const char *v = hcs_request_query (req, name);
  g_autofree char *list = NULL;

  *value = v;
  if (v == NULL || g_strv_contains (allowed, v))
    return TRUE;
  list = g_strjoinv (", ", (char **) allowed);
  hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, name,
                           _("“%s” is not a value of %s; use one of: %s."), v, name, list);
  return FALSE;
}

/* The hits of a run, filtered; ?change=new|gone against its previous run.
 * As a listing it exports as CSV or XLSX (Accept). */
static void
list_hits (HcsRequest *req)
{
  static const char * const classes[] = { "red", "black", "watch", NULL };
  static const char * const states[] = { "published", "objected", NULL };
  static const char * const feedback[] = { "applied", "not_applied", "pending", NULL };
  static const char * const changes[] = { "new", "gone", NULL };
  g_autoptr(JsonObject) run = NULL;
  g_auto(HcsPage) page = { 0, };
  g_autoptr(GError) error = NULL;
  HcsMatchHitFilter filter = { 0, };
  JsonArray *rows;
  gint64 id, total;

  if ((run = path_run (req, &id, FALSE)) == NULL || !hcs_request_page (req, &page) ||
      !query_one_of (req, "class", classes, &filter.list_class) ||
      !query_one_of (req, "state", states, &filter.state) ||
      !query_one_of (req, "feedback", feedback, &filter.feedback) ||
      !query_one_of (req, "change", changes, &filter.change))
    return;
  filter.list_type = hcs_request_query (req, "list_type");
  if (filter.change != NULL && json_object_get_null_member (run, "previous_run_id"))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "change",
                               _("This run is no re-run: it has no previous run to compare with."));
      return;
    }
  rows = hcs_store_match_hits (hcs_request_get_store (req), id, &filter, &page, &total, &error);
  if (rows == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_rows (req, rows, &page, NULL, total);
}

/* The rows of the input that could not be read, with their numbers and the
 * rule they fail; exports as CSV or XLSX. */
static void
list_invalid (HcsRequest *req)
{
  g_autoptr(JsonObject) run = NULL;
  g_auto(HcsPage) page = { 0, };
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  gint64 id, total;

  if ((run = path_run (req, &id, FALSE)) == NULL || !hcs_request_page (req, &page))
    return;
  rows = hcs_store_match_invalid (hcs_request_get_store (req), id, &page, &total, &error);
  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *code = json_object_get_string_member (row, "code");

      json_object_set_string_member (row, "reason",
                                     g_str_equal (code, "invalid_id_number")
                                     ? _("Not a valid resident identity card number (GB 11643)")
                                     : g_str_equal (code, "invalid_type")
                                     ? _("Not text")
                                     : _("Not a valid unified social credit code (GB 32100)"));
    }
  hcs_request_reply_rows (req, rows, &page, NULL, total);
}

/* Returns: (transfer full) (nullable): the hit of the path, or %NULL
 *   after answering 404 */
static JsonObject *
path_hit (HcsRequest *req,
          gint64     *run_id,
          gint64     *entry_id)
{
  g_autoptr(GError) error = NULL;
  JsonObject *hit;

  if (!hcs_request_path_id (req, "id", _("There is no such match run."), run_id) ||
      !hcs_request_path_id (req, "entry", _("The run has no hit of this entry."), entry_id))
    return NULL;
  hit = hcs_store_match_hit_get (hcs_request_get_store (req), *run_id, *entry_id, &error);
  if (hit == NULL)
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "entry", _("The run has no hit of this entry."));
      else
        hcs_request_reply_gerror (req, error);
    }
  return hit;
}

static char *
hit_text (gint64 run_id,
          gint64 entry_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, run_id, entry_id);
}

/* Whether the measures of a hit were applied (效果自动反馈), by the user's
 * department. */
static void
hit_feedback (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *note_trimmed = NULL;
  const char *note = "";
  gboolean applied = FALSE;
  gint64 run_id, entry_id, department;
  JsonObject *body;

  if ((before = path_hit (req, &run_id, &entry_id)) == NULL || (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_bool (req, body, "applied", HCS_FIELD_REQUIRED, &applied) ||
      !hcs_request_field_string (req, body, "note", HCS_FIELD_OPTIONAL | HCS_FIELD_MULTILINE, &note))
    return;
  note_trimmed = g_strstrip (g_strdup (note));
  if (!applied && *note_trimmed == '\0')
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "note",
                               _("Say in the note why the measures were not applied."));
      return;
    }
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (department = hcs_store_records_user_department (store, hcs_request_get_actor (req)->user_id, &error)) < 0 ||
      !hcs_store_match_set_feedback (store, run_id, entry_id, applied ? "applied" : "not_applied", note_trimmed,
                                     hcs_request_get_actor (req)->username, department, &error) ||
      (after = hcs_store_match_hit_get (store, run_id, entry_id, &error)) == NULL ||
      !hcs_write_commit (w, "list_match.feedback", "match_hit", (entity = hit_text (run_id, entry_id)),
                         before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_object (req, SOUP_STATUS_OK, g_steal_pointer (&after));
}

/* 误匹配: the subject of the hit is not the entry's subject. Later runs do
 * not raise the pair while the clearance stands. */
static void
clear_hit (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(JsonObject) hit = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *trimmed = NULL;
  const char *reason = NULL;
  gint64 run_id, entry_id, id;
  JsonObject *body;

  if ((hit = path_hit (req, &run_id, &entry_id)) == NULL || (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_string (req, body, "reason", HCS_FIELD_REQUIRED | HCS_FIELD_MULTILINE, &reason))
    return;
  trimmed = g_strstrip (g_strdup (reason));
  if (*trimmed == '\0')
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "reason",
                               _("Say why this is not the same subject; the reason is kept and audited."));
      return;
    }
  if (!json_object_get_null_member (hit, "clearance_id"))
    {
      hcs_request_reply_error (req, SOUP_STATUS_CONFLICT, "already_cleared", NULL,
                               _("This hit is cleared already (clearance %lld); withdraw that one first."),
                               (long long) json_object_get_int_member (hit, "clearance_id"));
      return;
    }
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (id = hcs_store_match_clear (store, run_id, entry_id, trimmed, hcs_request_get_actor (req)->username,
                                   &error)) == 0 ||
      (after = hcs_store_match_clearance_get (store, id, &error)) == NULL ||
      !hcs_write_commit (w, "list_match.clear", "match_clearance", (entity = id_text (id)), NULL, after, &error))
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_DUPLICATE))
        hcs_request_reply_error (req, SOUP_STATUS_CONFLICT, "already_cleared", NULL,
                                 _("This hit is cleared already; withdraw that clearance first."));
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_object (req, SOUP_STATUS_CREATED, g_steal_pointer (&after));
}

static void
list_clearances (HcsRequest *req)
{
  g_auto(HcsPage) page = { 0, };
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  gint64 total;
  gboolean standing;

  if (!hcs_request_page (req, &page) || !hcs_request_query_bool (req, "standing", &standing))
    return;
  rows = hcs_store_match_clearances (hcs_request_get_store (req), standing,
                                     &page, &total, &error);
  if (rows == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_rows (req, rows, &page, NULL, total);
}

/* A clearance withdrawn: later runs raise the pair again. */
static void
withdraw_clearance (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *trimmed = NULL;
  const char *reason = NULL;
  JsonObject *body;
  gint64 id;

  if (!hcs_request_path_id (req, "id", _("There is no such clearance."), &id) ||
      (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_string (req, body, "reason", HCS_FIELD_REQUIRED | HCS_FIELD_MULTILINE, &reason))
    return;
  trimmed = g_strstrip (g_strdup (reason));
  if (*trimmed == '\0')
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "reason",
                               _("Say why the clearance is withdrawn; the reason is kept and audited."));
      return;
    }
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (before = hcs_store_match_clearance_get (store, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  if (!json_object_get_boolean_member (before, "standing"))
    {
      hcs_request_reply_error (req, SOUP_STATUS_CONFLICT, "already_withdrawn", NULL,
                               _("This clearance was withdrawn already."));
      return;
    }
  if (!hcs_store_match_withdraw (store, id, trimmed, hcs_request_get_actor (req)->username, &error) ||
      (after = hcs_store_match_clearance_get (store, id, &error)) == NULL ||
      !hcs_write_commit (w, "list_match.withdraw", "match_clearance", (entity = id_text (id)), before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_object (req, SOUP_STATUS_OK, g_steal_pointer (&after));
}

/* 效果自动反馈统计 of a list type over time: its hits by month of the run,
 * applied, not applied and pending. */
static void
type_feedback (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) type = NULL;
  const char *key = hcs_request_param (req, "type");
  JsonArray *months;
  JsonObject *answer;

  type = hcs_store_lists_type_get (hcs_request_get_store (req), key, &error);
  if (type == NULL)
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "type", _("There is no list type “%s”."), key);
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  months = hcs_store_match_feedback_by_month (hcs_request_get_store (req), key, &error);
  if (months == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  answer = json_object_new ();
  json_object_set_string_member (answer, "list_type", key);
  json_object_set_string_member (answer, "list_name", json_object_get_string_member (type, "name"));
  json_object_set_array_member (answer, "months", months);
  hcs_request_reply_object (req, SOUP_STATUS_OK, answer);
}

/* A match looks its subjects up by key, a batch a statement over PostgreSQL
 * (hcs-store-match-lookup.c): no flag unbounded (DESIGN.md, "Failover"). */
static const HcsRoute routes[] = {
  { "POST", "/lists/match",                                     match_subjects,     HCS_ACCESS_ANALYST, MAX_MATCH_BODY },
  { "GET",  "/lists/match-runs",                                list_match_runs,    HCS_ACCESS_ANALYST },
  { "GET",  "/lists/match-runs/{id}",                           get_match_run,      HCS_ACCESS_ANALYST },
  { "POST", "/lists/match-runs/{id}/rerun",                     rerun,              HCS_ACCESS_ANALYST },
  { "GET",  "/lists/match-runs/{id}/hits",                      list_hits,          HCS_ACCESS_ANALYST },
  { "GET",  "/lists/match-runs/{id}/invalid",                   list_invalid,       HCS_ACCESS_ANALYST },
  { "POST", "/lists/match-runs/{id}/hits/{entry}/feedback",     hit_feedback,       HCS_ACCESS_ANALYST },
  { "POST", "/lists/match-runs/{id}/hits/{entry}/clearance",    clear_hit,          HCS_ACCESS_ANALYST },
  { "GET",  "/lists/match-clearances",                          list_clearances,    HCS_ACCESS_ANALYST },
  { "POST", "/lists/match-clearances/{id}/withdrawal",          withdraw_clearance, HCS_ACCESS_ANALYST },
  { "GET",  "/list-types/{type}/feedback",                      type_feedback,      HCS_ACCESS_ANALYST },
};

void
hcs_routes_match_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
