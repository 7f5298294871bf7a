/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starts the built hncredit-server on port 0 with a temporary database,
 * reads its "listening on" line, and speaks HTTP to it. */
#define G_LOG_DOMAIN "hc-test-server"

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "hc-test-server-private.h"

struct _HcTestServer
{
  GSubprocess *process;
  char        *dir;
  char        *db_path;
  char        *url;
  SoupSession *session;
  GHashTable  *tokens;   /* username → token */
};

/* The server binary the tests run (the build's, or $HNCREDIT_SERVER_PATH). */
char *
hc_test_server_path (void)
{
  const char *env = g_getenv ("HNCREDIT_SERVER_PATH");

  if (env != NULL)
    return g_strdup (env);
  return g_build_filename (HC_BUILD_ROOT, "src", "server", "hncredit-server", NULL);
}

/* Starts the server on self->db_path, with the admin password file in
 * self->dir, and reads its "listening on" line. */
static void
start_process (HcTestServer       *self,
               HcTestServerFlags   flags,
               const char * const *extra_args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *pw_file = NULL;
  g_autofree char *line = NULL;

  pw_file = g_build_filename (self->dir, "admin-password", NULL);
  g_file_set_contents (pw_file, HC_TEST_PASSWORD "\n", -1, &error);
  g_assert_no_error (error);

  g_ptr_array_add (argv, hc_test_server_path ());
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (self->db_path));
  g_ptr_array_add (argv, g_strdup ("--listen"));
  g_ptr_array_add (argv, g_strdup ("127.0.0.1:0"));
  g_ptr_array_add (argv, g_strdup ("--admin-password-file"));
  g_ptr_array_add (argv, g_strdup (pw_file));
  g_ptr_array_add (argv, g_strdup ("--exit-on-stdin-eof"));
  if (flags & HC_TEST_SERVER_DEMO)
    g_ptr_array_add (argv, g_strdup ("--seed-demo"));
  for (guint i = 0; extra_args && extra_args[i]; i++)
    g_ptr_array_add (argv, g_strdup (extra_args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_PIPE);
  self->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  if (line == NULL || !g_str_has_prefix (line, "listening on "))
    g_error ("hncredit-server did not start (first line: %s)", line ? line : "(none)");
  self->url = g_strdup (line + strlen ("listening on "));

  self->session = soup_session_new_with_options ("timeout", 120, NULL);
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * hc_test_server_new:
 * @extra_args: (nullable): more arguments for the server
 *
 * Starts a server with its own temporary database; the admin (and, with
 * demo data, `analyst` and `supervisor`) have the password HC_TEST_PASSWORD.
 * Demo data over SQLite is a copy of the build's seeded demo database
 * unless @flags has HC_TEST_SERVER_FRESH_SEED.
 * Aborts the test when the server does not come up.
 */
HcTestServer *
hc_test_server_new (HcTestServerFlags   flags,
                    const char * const *extra_args)
{
  HcTestServer *self = g_new0 (HcTestServer, 1);
  g_autoptr(GError) error = NULL;

  self->dir = g_dir_make_tmp ("hncredit-test-XXXXXX", &error);
  g_assert_no_error (error);
  if (hc_test_is_pg ())
    self->db_path = hc_test_pg_create_database ();
  else
    self->db_path = g_build_filename (self->dir, "test.db", NULL);
  /* The demo seeded once per build (hc-test-demo-db.c); --seed-demo is
   * still given, and does nothing on a database that has data. */
  if ((flags & HC_TEST_SERVER_DEMO) && !(flags & HC_TEST_SERVER_FRESH_SEED) && !hc_test_is_pg ())
    hc_test_demo_db_copy (self->db_path);
  start_process (self, flags, extra_args);
  return self;
}

/**
 * hc_test_server_new_for_db:
 * @db_path: an existing database (e.g. another test server's, after
 *   hc_test_server_kill()); it is left in place when this server is freed
 * @extra_args: (nullable): more arguments for the server
 *
 * Starts a server on an existing database, as after a restart.
 */
HcTestServer *
hc_test_server_new_for_db (const char         *db_path,
                           const char * const *extra_args)
{
  HcTestServer *self = g_new0 (HcTestServer, 1);
  g_autoptr(GError) error = NULL;

  self->dir = g_dir_make_tmp ("hncredit-test-XXXXXX", &error);
  g_assert_no_error (error);
  self->db_path = g_strdup (db_path);
  start_process (self, HC_TEST_SERVER_EMPTY, extra_args);
  return self;
}

/* Kills the server with SIGKILL (no chance to clean up) and waits for it;
 * the database stays for hc_test_server_new_for_db(). */
void
hc_test_server_kill (HcTestServer *self)
{
  if (self->process == NULL)
    return;
  g_subprocess_force_exit (self->process);
  g_subprocess_wait (self->process, NULL, NULL);
  g_clear_object (&self->process);
}

/* Stops the server with SIGTERM and waits for it; asserts a clean exit. */
void
hc_test_server_stop (HcTestServer *self)
{
  g_autoptr(GError) error = NULL;

  if (self->process == NULL)
    return;
  g_subprocess_send_signal (self->process, SIGTERM);
  g_subprocess_wait (self->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (self->process));
  g_assert_cmpint (g_subprocess_get_exit_status (self->process), ==, 0);
  g_clear_object (&self->process);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

void
hc_test_server_free (HcTestServer *self)
{
  if (self == NULL)
    return;
  hc_test_server_stop (self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->tokens, g_hash_table_unref);
  remove_dir (self->dir);
  g_free (self->dir);
  g_free (self->db_path);
  g_free (self->url);
  g_free (self);
}

const char *
hc_test_server_get_url (HcTestServer *self)
{
  return self->url;
}

const char *
hc_test_server_get_db_path (HcTestServer *self)
{
  return self->db_path;
}

GPid
hc_test_server_get_pid (HcTestServer *self)
{
  const char *id = self->process ? g_subprocess_get_identifier (self->process) : NULL;

  return id ? (GPid) g_ascii_strtoll (id, NULL, 10) : 0;
}

/**
 * hc_test_server_command:
 * @args: a subcommand and its arguments, e.g. { "check", "--db", path, NULL }
 * @out: (out) (optional): its standard output
 * @err: (out) (optional): its standard error
 *
 * Runs `hncredit-server @args…` (the built one) and waits for it.
 *
 * Returns: its exit status
 */
int
hc_test_server_command (const char * const  *args,
                        char               **out,
                        char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;

  g_ptr_array_add (argv, hc_test_server_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return g_subprocess_get_exit_status (process);
}

/* Asserts that `hncredit-server check --db @db_path` finds the database
 * whole (PRAGMA integrity_check and foreign_key_check). */
void
hc_test_assert_db_intact (const char *db_path)
{
  const char *args[] = { "check", "--db", db_path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = hc_test_server_command (args, &out, &err);

  if (status != 0 || g_strcmp0 (g_strstrip (out), "ok") != 0)
    g_error ("hncredit-server check --db %s: status %d: %s%s", db_path, status, out, err);
}

/**
 * hc_test_send_raw:
 * @if_match: (nullable): the If-Match header
 *
 * Sends a request on a connection of its own without reading the answer:
 * for a request that a test kills the server during.
 *
 * Returns: (transfer full): the connection, to read the answer from or to
 *   drop
 */
GSocketConnection *
hc_test_send_raw (HcTestServer *self,
                  const char   *method,
                  const char   *path,
                  const char   *token,
                  const char   *content_type,
                  const char   *if_match,
                  const char   *body,
                  gsize         len)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (self->url, G_URI_FLAGS_NONE, &error);
  g_autoptr(GString) head = g_string_new (NULL);
  GSocketConnection *conn;
  GOutputStream *out;

  g_assert_no_error (error);
  conn = g_socket_client_connect_to_host (client, g_uri_get_host (uri), (guint16) g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  g_string_append_printf (head, "%s /api/v1%s HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\n"
                          "Content-Type: %s\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n",
                          method, path, g_uri_get_host (uri), token, content_type, len);
  if (if_match != NULL)
    g_string_append_printf (head, "If-Match: %s\r\n", if_match);
  g_string_append (head, "\r\n");
  out = g_io_stream_get_output_stream (G_IO_STREAM (conn));
  g_output_stream_write_all (out, head->str, head->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (out, body, len, NULL, NULL, &error);
  g_assert_no_error (error);
  return conn;
}

/**
 * hc_test_request_full:
 * @path: under /api/v1, e.g. "/subjects?limit=5"
 * @token: (nullable): the bearer token
 * @body: (nullable): the request body
 * @if_match: (nullable): an ETag for If-Match
 */
HcTestResponse *
hc_test_request_full (HcTestServer *self,
                      const char   *method,
                      const char   *path,
                      const char   *token,
                      const char   *content_type,
                      GBytes       *body,
                      const char   *if_match)
{
  return hc_test_request_accept (self, method, path, token, content_type, body, if_match, NULL);
}

/* hc_test_request_full() with an Accept header (@accept, when not NULL). */
HcTestResponse *
hc_test_request_accept (HcTestServer *self,
                        const char   *method,
                        const char   *path,
                        const char   *token,
                        const char   *content_type,
                        GBytes       *body,
                        const char   *if_match,
                        const char   *accept)
{
  g_autofree char *uri = g_strconcat (self->url, "/api/v1", path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GError) error = NULL;
  HcTestResponse *resp = g_new0 (HcTestResponse, 1);
  SoupMessageHeaders *headers;
  const char *ct;

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", auth);
    }
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (accept != NULL)
    soup_message_headers_replace (headers, "Accept", accept);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type ? content_type : "application/json", body);

  resp->body = soup_session_send_and_read (self->session, msg, NULL, &error);
  g_assert_no_error (error);
  resp->status = soup_message_get_status (msg);
  resp->etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag"));
  resp->retry_after = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After"));
  ct = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  resp->content_type = g_strdup (ct);
  if (ct != NULL && g_str_equal (ct, "application/json") && g_bytes_get_size (resp->body) > 0)
    {
      /* The body is not NUL-terminated: parse it with its length. */
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize len;
      const char *data = g_bytes_get_data (resp->body, &len);

      json_parser_load_from_data (parser, data, (gssize) len, &error);
      g_assert_no_error (error);
      resp->json = json_parser_steal_root (parser);
    }
  return resp;
}

/* GET @path as CSV for a reader of @accept_language (NULL: none sent, the
 * office's Chinese); asserts a 200 and returns the text. */
char *
hc_test_get_csv (HcTestServer *self,
                 const char   *path,
                 const char   *token,
                 const char   *accept_language)
{
  g_autofree char *uri = g_strconcat (self->url, "/api/v1", path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (headers, "Authorization", auth);
  soup_message_headers_replace (headers, "Accept", "text/csv");
  if (accept_language != NULL)
    soup_message_headers_replace (headers, "Accept-Language", accept_language);
  body = soup_session_send_and_read (self->session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

/* A JSON request (or none when @body is NULL). */
HcTestResponse *
hc_test_request (HcTestServer *self,
                 const char   *method,
                 const char   *path,
                 const char   *token,
                 const char   *body)
{
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;

  return hc_test_request_full (self, method, path, token, "application/json", bytes, NULL);
}

void
hc_test_response_free (HcTestResponse *resp)
{
  if (resp == NULL)
    return;
  g_clear_pointer (&resp->json, json_node_unref);
  g_clear_pointer (&resp->body, g_bytes_unref);
  g_free (resp->etag);
  g_free (resp->retry_after);
  g_free (resp->content_type);
  g_free (resp);
}

/* Returns: (transfer none): the body as an object; fails the test otherwise */
JsonObject *
hc_test_response_object (HcTestResponse *resp)
{
  g_assert_nonnull (resp->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (resp->json));
  return json_node_get_object (resp->json);
}

const char *
hc_test_response_error_code (HcTestResponse *resp)
{
  JsonObject *obj = hc_test_response_object (resp);

  g_assert_true (json_object_has_member (obj, "error"));
  return json_object_get_string_member (json_object_get_object_member (obj, "error"), "code");
}

const char *
hc_test_response_error_field (HcTestResponse *resp)
{
  JsonObject *err = json_object_get_object_member (hc_test_response_object (resp), "error");

  return json_object_get_string_member_with_default (err, "field", NULL);
}

/* Signs in; returns the token, or NULL when the server says 401. */
char *
hc_test_server_login (HcTestServer *self,
                      const char   *username,
                      const char   *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", username, password);
  g_autoptr(HcTestResponse) resp = hc_test_request (self, "POST", "/session", NULL, body);

  if (resp->status == SOUP_STATUS_UNAUTHORIZED)
    return NULL;
  hc_assert_status (resp, 200, NULL);
  return g_strdup (json_object_get_string_member (hc_test_response_object (resp), "token"));
}

/* A cached token of @username (signed in with HC_TEST_PASSWORD). */
const char *
hc_test_server_token (HcTestServer *self,
                      const char   *username)
{
  char *token = g_hash_table_lookup (self->tokens, username);

  if (token == NULL)
    {
      token = hc_test_server_login (self, username, HC_TEST_PASSWORD);
      g_assert_nonnull (token);
      g_hash_table_insert (self->tokens, g_strdup (username), token);
    }
  return token;
}

/* Ends every session of @username but the test's own, through the API as an
 * administrator does it: setting the user's password again (PATCH
 * /users/{id}) ends their other sessions, so the server refuses those
 * tokens from then on. Fails the test unless that answers 200. */
void
hc_test_server_end_sessions (HcTestServer *self,
                             const char   *username)
{
  const char *admin = hc_test_server_token (self, "admin");
  g_autoptr(HcTestResponse) list = hc_test_request (self, "GET", "/users", admin, NULL);
  g_autoptr(HcTestResponse) user = NULL;
  g_autoptr(HcTestResponse) patched = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static ("{\"password\":\"" HC_TEST_PASSWORD "\"}",
                                               strlen ("{\"password\":\"" HC_TEST_PASSWORD "\"}"));
  g_autofree char *path = NULL;
  JsonArray *items;
  gint64 id = 0;

  hc_assert_status (list, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (list), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "username"), username) == 0)
        id = json_object_get_int_member (item, "id");
    }
  g_assert_cmpint (id, >, 0);
  path = g_strdup_printf ("/users/%" G_GINT64_FORMAT, id);
  user = hc_test_request (self, "GET", path, admin, NULL);
  hc_assert_status (user, 200, NULL);
  patched = hc_test_request_full (self, "PATCH", path, admin, "application/json", body, user->etag);
  hc_assert_status (patched, 200, NULL);
  /* The token kept for @username ended too (unless it is the test's own). */
  if (g_strcmp0 (username, "admin") != 0)
    g_hash_table_remove (self->tokens, username);
}
