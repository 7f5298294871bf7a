/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the HTTP request path. Each input is the raw bytes a
 * client sends on one connection (request line, headers, a body in
 * Content-Length or chunks), sent over a loopback TCP connection to a SoupServer
 * that has hncredit-server's handlers and an in-memory database with an
 * administrator signed in as "Bearer fuzz-token" (the seed corpus uses it):
 * libsoup's parser, the early handler and body guard, the router, the
 * JSON decoders and field readers of every route. */
#include "config.h"

#include <stdint.h>

#include <gio/gio.h>

#include "hcs-auth.h"
#include "hcs-server.h"
#include "hcs-store-users.h"

#include "fuzz-log.h"

#define FUZZ_TOKEN "fuzz-token"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static HcsServer *server;
static SoupServer *soup;
static GSocket *listener;
static GSocketAddress *listen_address;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *token_hash = hcs_auth_token_hash (FUZZ_TOKEN);
  HcsServerOptions options = { 0, };
  HcsStore *store;
  gint64 admin;

  /* A file (the migrations need one), removed at once: it lives while open. */
  g_autofree char *dir = g_dir_make_tmp ("hncredit-fuzz-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "fuzz.db", NULL);

  store = hcs_store_open (db, &error);
  g_assert_no_error (error);
  hcs_store_migrate (store, &error);
  g_assert_no_error (error);
  hash = hcs_auth_hash_password ("fuzz-password-1", &error);
  g_assert_no_error (error);
  admin = hcs_store_users_insert (store, "admin", "管理员", HC_ROLE_ADMIN, hash, 0, &error);
  g_assert_no_error (error);
  g_assert_true (hcs_store_sessions_insert (store, token_hash, admin, G_MAXINT32, &error));
  options.db_path = ":memory:";
  server = hcs_server_new (&options, &error);
  g_assert_no_error (error);
  soup = hcs_server_new_soup_for_store (server, store);

  {
    g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);

    listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
    g_assert_no_error (error);
    g_assert_true (g_socket_bind (listener, any, TRUE, &error));
    g_assert_true (g_socket_listen (listener, &error));
    listen_address = g_socket_get_local_address (listener, &error);
    g_assert_no_error (error);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GSocket) ours = NULL;
  g_autoptr(GSocket) theirs = NULL;
  g_autoptr(GSocketConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  gsize off = 0;
  char buf[4096];

  if (soup == NULL)
    setup ();
  ours = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_connect (ours, listen_address, NULL, &error));
  theirs = g_socket_accept (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (ours, FALSE);
  conn = g_socket_connection_factory_create_connection (theirs);
  {
    g_autoptr(GSocketAddress) local = g_socket_get_local_address (theirs, NULL);
    g_autoptr(GSocketAddress) remote = g_socket_get_remote_address (theirs, NULL);

    g_assert_true (soup_server_accept_iostream (soup, G_IO_STREAM (conn), local, remote, &error));
  }

  /* Write what the socket takes, let the server run, read its answer;
   * until the input is all sent and the server closes or stops talking. */
  for (guint idle = 0; idle < 50;)
    {
      gboolean progress = FALSE;
      gssize n;

      if (off < size)
        {
          n = g_socket_send (ours, (const char *) data + off, size - off, NULL, NULL);
          if (n > 0)
            {
              off += (gsize) n;
              progress = TRUE;
              if (off == size)
                g_socket_shutdown (ours, FALSE, TRUE, NULL);
            }
        }
      else if (size == 0 && off == 0)
        {
          g_socket_shutdown (ours, FALSE, TRUE, NULL);
          off = 1;
        }
      while (g_main_context_iteration (NULL, FALSE))
        progress = TRUE;
      n = g_socket_receive (ours, buf, sizeof buf, NULL, NULL);
      if (n == 0)
        break;
      if (n > 0)
        progress = TRUE;
      idle = progress ? 0 : idle + 1;
    }
  g_io_stream_close (G_IO_STREAM (conn), NULL, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return 0;
}
