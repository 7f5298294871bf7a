/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starting, stopping, signing in to and asking the real server, shared by
 * the benchmark programs. */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "bench-server.h"

/**
 * bench_server_path:
 *
 * Returns: (transfer full): $HNCREDIT_SERVER_PATH, else this build's server
 */
char *
bench_server_path (void)
{
  const char *env = g_getenv ("HNCREDIT_SERVER_PATH");

  return env ? g_strdup (env) : g_build_filename (HC_BUILD_ROOT, "src", "server", "hncredit-server", NULL);
}

/**
 * bench_server_start:
 * @path: the server program
 * @db: its database
 * @pw_file: the admin password's file
 * @scale: (nullable): seed the demo at this scale (a new database only)
 * @out: (out): the server's process, for bench_server_stop()
 *
 * Starts the server on a free port of 127.0.0.1 and waits until it listens.
 *
 * Returns: (transfer full): its URL
 */
char *
bench_server_start (const char   *path,
                    const char   *db,
                    const char   *pw_file,
                    const char   *scale,
                    GSubprocess **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) stdout_stream = NULL;
  g_autofree char *line = NULL;
  GSubprocess *proc;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_PIPE, &error,
                           path, "--db", db, "--listen", "127.0.0.1:0", "--admin-password-file", pw_file,
                           "--exit-on-stdin-eof", scale ? "--seed-demo" : NULL, "--demo-scale", scale, NULL);
  g_assert_no_error (error);
  stdout_stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  line = g_data_input_stream_read_line_utf8 (stdout_stream, NULL, NULL, &error);
  if (line == NULL || !g_str_has_prefix (line, "listening on "))
    g_error ("the server did not start: %s", error ? error->message : "no line");
  *out = proc;
  return g_strdup (line + strlen ("listening on "));
}

/**
 * bench_server_stop:
 * @proc: (transfer full): a process of bench_server_start()
 *
 * Closes the server's standard input (it exits on its end) and waits.
 */
void
bench_server_stop (GSubprocess *proc)
{
  g_output_stream_close (g_subprocess_get_stdin_pipe (proc), NULL, NULL);
  g_subprocess_wait (proc, NULL, NULL);
  g_object_unref (proc);
}

static void
authorize (SoupMessage *msg,
           const char  *token)
{
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
}

/**
 * bench_post_json:
 * @path: the API path, after @url
 * @token: (nullable): the bearer token
 * @...: the body's members, name then string value, ending with %NULL
 *
 * POSTs a JSON object of strings; an answer but 200 or 201 ends the
 * program, with the server's reason.
 *
 * Returns: (transfer full): the answer's object
 */
JsonObject *
bench_post_json (SoupSession *session,
                 const char  *url,
                 const char  *path,
                 const char  *token,
                 ...)
{
  g_autofree char *uri = g_strconcat (url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *name;
  va_list args;
  gsize len;
  const char *data;
  guint status;

  json_builder_begin_object (builder);
  va_start (args, token);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      json_builder_set_member_name (builder, name);
      json_builder_add_string_value (builder, va_arg (args, const char *));
    }
  va_end (args);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);
  bytes = g_bytes_new (body, strlen (body));
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  if (token != NULL)
    authorize (msg, token);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  if (answer == NULL)
    g_error ("POST %s: %s", path, error->message);
  data = g_bytes_get_data (answer, &len);
  status = soup_message_get_status (msg);
  if (status != 201 && status != 200)
    g_error ("POST %s answered %u: %.*s", path, status, (int) MIN (len, 400), data);
  if (!json_parser_load_from_data (parser, data, (gssize) len, &error))
    g_error ("POST %s: %s", path, error->message);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/**
 * bench_sign_in:
 *
 * Signs in as @username; a refusal ends the program with its status (the
 * benchmark's password?).
 *
 * Returns: (transfer full): the bearer token
 */
char *
bench_sign_in (SoupSession *session,
               const char  *url,
               const char  *username,
               const char  *password)
{
  g_autoptr(JsonObject) answer = bench_post_json (session, url, "/api/v1/session", NULL,
                                                  "username", username, "password", password, NULL);

  return g_strdup (json_object_get_string_member (answer, "token"));
}

/**
 * bench_send:
 * @msg: a request, its body set if any
 * @token: the bearer token
 * @seconds: (out): how long the request took, over the session's
 *   keep-alive connection
 *
 * Sends @msg with @token; anything but 200 ends the program.
 *
 * Returns: (transfer full): the answer's body
 */
GBytes *
bench_send (SoupSession *session,
            SoupMessage *msg,
            const char  *token,
            double      *seconds)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  GBytes *answer;

  authorize (msg, token);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  *seconds = (double) (g_get_monotonic_time () - start) / 1e6;
  if (answer == NULL)
    g_error ("%s %s: %s", soup_message_get_method (msg), g_uri_get_path (soup_message_get_uri (msg)), error->message);
  if (soup_message_get_status (msg) != 200)
    g_error ("%s %s answered %u", soup_message_get_method (msg), g_uri_get_path (soup_message_get_uri (msg)),
             soup_message_get_status (msg));
  return answer;
}
