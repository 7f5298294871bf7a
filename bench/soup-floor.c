/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor of an HTTP server built as hncredit-server is (issue 12): libsoup
 * 3 with one SoupServer a thread, each on its own SO_REUSEPORT socket of one
 * port, answering every request with the same bytes read once from FILE —
 * no routing, no token, no database, no JSON. What it serves a second is
 * the most any server on this stack could; bench/server.sh runs it beside
 * nginx and our look-up (PARTS=lookup).
 *
 *   soup-floor FILE [THREADS]      prints "listening on http://127.0.0.1:PORT"
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <gio/gio.h>
#include <libsoup/soup.h>

typedef struct
{
  GBytes  *body;
  GSocket *socket;
  GThread *thread;
} Worker;

static void
answer (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           data)
{
  Worker *worker = data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    g_bytes_get_data (worker->body, NULL), g_bytes_get_size (worker->body));
}

static gpointer
serve (gpointer data)
{
  Worker *worker = data;
  GMainContext *context = g_main_context_new ();
  GMainLoop *loop = g_main_loop_new (context, FALSE);
  SoupServer *soup;
  GError *error = NULL;

  g_main_context_push_thread_default (context);
  soup = soup_server_new ("server-header", "soup-floor", NULL);
  soup_server_add_handler (soup, NULL, answer, worker, NULL);
  if (!soup_server_listen_socket (soup, worker->socket, 0, &error))
    g_error ("listen: %s", error->message);
  g_main_loop_run (loop);
  return NULL;
}

static GSocket *
bind_socket (guint16 port)
{
  GInetAddress *inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  GSocketAddress *addr = g_inet_socket_address_new (inet, port);
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  gsize len = g_socket_address_get_native_size (addr);
  gpointer native = g_malloc0 (len);
  GError *error = NULL;

  if (socket == NULL || !g_socket_set_option (socket, SOL_SOCKET, SO_REUSEPORT, 1, &error) ||
      !g_socket_address_to_native (addr, native, len, &error))
    g_error ("socket: %s", error != NULL ? error->message : "cannot make it");
  /* Not g_socket_bind(): it clears SO_REUSEPORT on stream sockets. */
  if (bind (g_socket_get_fd (socket), native, len) != 0)
    g_error ("bind: %s", g_strerror (errno));
  if (!g_socket_listen (socket, &error))
    g_error ("listen: %s", error->message);
  g_free (native);
  g_object_unref (addr);
  g_object_unref (inet);
  return socket;
}

int
main (int   argc,
      char *argv[])
{
  GError *error = NULL;
  GMappedFile *file;
  GBytes *body;
  guint n = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : g_get_num_processors ();
  guint16 port = 0;

  if (argc < 2 || n == 0)
    {
      g_printerr ("usage: soup-floor FILE [THREADS]\n");
      return 2;
    }
  if ((file = g_mapped_file_new (argv[1], FALSE, &error)) == NULL)
    g_error ("%s", error->message);
  body = g_mapped_file_get_bytes (file);
  for (guint i = 0; i < n; i++)
    {
      Worker *worker = g_new0 (Worker, 1);

      worker->body = body;
      worker->socket = bind_socket (port);
      if (port == 0)
        {
          GSocketAddress *local = g_socket_get_local_address (worker->socket, &error);

          if (local == NULL)
            g_error ("%s", error->message);
          port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
          g_object_unref (local);
        }
      worker->thread = g_thread_new ("soup-floor", serve, worker);
    }
  g_print ("listening on http://127.0.0.1:%u\n", port);
  for (;;)
    g_usleep (G_USEC_PER_SEC);
  return 0;
}
