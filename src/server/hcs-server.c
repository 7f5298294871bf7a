/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workers: several SoupServers, each on its own thread and GMainContext with
 * its own database connection, sharing one port through SO_REUSEPORT. One
 * slow request then holds up only the connections of its own worker, which
 * keeps tail latency low under many connections. */
#define G_LOG_DOMAIN "hcs-server"

#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <glib/gi18n.h>

#include "hcs-grade-refresh.h"
#include "hcs-server.h"
#include "hcs-auth.h"
#include "hcs-export.h"
#include "hcs-http-guard.h"
#include "hcs-store-pg.h"
#include "hcs-store-users.h"

/* One worker per processor: more workers than cores only adds context
 * switches to the tail (measured: 4 workers on 2 cores gave p99 39 ms for
 * GET /subjects/{uscc} at 64 connections, 2 workers 7 ms; bench/README.md). */
static guint
default_workers (void)
{
  return CLAMP (g_get_num_processors (), 2, 32);
}

typedef struct
{
  HcsServer    *server;
  guint         index;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  GSocket      *socket;
  HcsStore     *store;
  HcsStore     *read_store;   /* --db-read: the replica, or NULL */
  GMutex        ready_lock;
  GCond         ready_cond;
  gboolean      ready;
  GError       *error;
} HcsWorker;

struct _HcsServer
{
  char            *db_path;
  char            *db_read_path;    /* --db-read, or NULL */
  char            *host;
  guint16          port;
  guint            n_workers;
  guint            idle_timeout;
  guint            request_timeout;
  HcsStoreSync     sync;
  guint            wait_ms;         /* HNCREDIT_DB_TIMEOUT (db_wait_ms()) */
  GTlsCertificate *tls_certificate;
  HcsRouter       *router;
  GPtrArray       *workers;
  HcsGradeRefresh *grade_refresh;   /* on the first worker's thread */
};

/* What the early handler learnt of a request, for handle_api. */
typedef struct
{
  gint64  user_id;
  char   *username;
  HcRole  role;
} EarlyActor;

static void
early_actor_free (gpointer data)
{
  EarlyActor *a = data;

  g_free (a->username);
  g_free (a);
}

/* The route the early handler matched, so that handle_api does not match
 * the same path again. */
typedef struct
{
  const HcsRoute *route;
  GHashTable     *params;
  gboolean        path_known;
} RouteMatch;

static void
route_match_free (gpointer data)
{
  RouteMatch *m = data;

  g_clear_pointer (&m->params, g_hash_table_unref);
  g_free (m);
}

/* Matches @path once per message: the early handler's match, kept on @msg,
 * serves handle_api too. */
static const HcsRoute *
match_route (HcsWorker          *worker,
             SoupServerMessage  *msg,
             const char         *path,
             GHashTable        **params,
             gboolean           *path_known)
{
  RouteMatch *m = g_object_get_data (G_OBJECT (msg), "hcs-route-match");

  if (m == NULL)
    {
      m = g_new0 (RouteMatch, 1);
      m->route = hcs_router_match (worker->server->router, soup_server_message_get_method (msg),
                                   path, &m->params, &m->path_known);
      g_object_set_data_full (G_OBJECT (msg), "hcs-route-match", m, route_match_free);
    }
  *params = m->params ? g_hash_table_ref (m->params) : NULL;
  *path_known = m->path_known;
  return m->route;
}

/* ---- one segment an answer ----------------------------------------
 *
 * libsoup 3.2 writes an answer's headers and its body in two writes; with
 * TCP_NODELAY (which GLib sets) they leave as two segments, and the client
 * wakes for each. An answer that is complete when its handler returns is
 * corked (TCP_CORK) until libsoup has written it all, then uncorked: headers
 * and body leave together. The bytes are the same. Deferred answers
 * (streamed exports) are not corked: their pieces go out as they come. */

static GQuark corked_quark;

static void
set_cork (SoupServerMessage *msg,
          gboolean           cork)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  if (socket != NULL && g_socket_get_family (socket) != G_SOCKET_FAMILY_UNIX)
    g_socket_set_option (socket, IPPROTO_TCP, TCP_CORK, cork, NULL);
}

static void
cork_answer (SoupServerMessage *msg)
{
  if (g_object_get_qdata (G_OBJECT (msg), corked_quark) != NULL)
    return;
  set_cork (msg, TRUE);
  g_object_set_qdata (G_OBJECT (msg), corked_quark, GINT_TO_POINTER (1));
}

/* SoupServer::request-finished and ::request-aborted: the answer is
 * written (or given up); what is corked leaves now. */
static void
on_request_done (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  if (g_object_get_qdata (G_OBJECT (msg), corked_quark) != NULL)
    set_cork (msg, FALSE);
}

static gint64 token_ttl = 8 * 3600;

gint64
hcs_server_token_ttl (void)
{
  return token_ttl;
}

static void
reply_plain_error (SoupServerMessage *msg,
                   HcsStore          *store,
                   guint              status,
                   const char        *code,
                   const char        *message)
{
  g_autoptr(HcsRequest) req = hcs_request_new (msg, store, NULL);

  hcs_request_reply_error (req, status, code, NULL, "%s", message);
}

/* Answers 401 and returns FALSE unless the bearer token names a live session. */
static gboolean
authenticate (HcsRequest *req)
{
  const char *auth = hcs_request_get_header (req, "Authorization");
  g_autofree char *token_hash = NULL;
  g_autofree char *username = NULL;
  g_autoptr(GError) error = NULL;
  gint64 user_id = 0;
  HcRole role = HC_ROLE_ANALYST;
  gboolean expired = FALSE;

  if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0 || auth[7] == '\0')
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (hcs_request_get_message (req)),
                                    "WWW-Authenticate", "Bearer");
      hcs_request_reply_error (req, HCS_ERR_UNAUTHENTICATED, NULL,
                               _("Sign in first: this needs a session token."));
      return FALSE;
    }
  token_hash = hcs_auth_token_hash (auth + 7);
  if (!hcs_store_sessions_lookup (hcs_request_get_store (req), token_hash,
                                  g_get_real_time () / G_USEC_PER_SEC,
                                  &user_id, &username, &role, &expired, &error))
    {
      if (error != NULL)
        {
          hcs_request_reply_gerror (req, error);
          return FALSE;
        }
      if (expired)
        hcs_request_reply_error (req, HCS_ERR_TOKEN_EXPIRED, NULL, _("Your session has expired; sign in again."));
      else
        hcs_request_reply_error (req, HCS_ERR_UNAUTHENTICATED, NULL, _("The session is not valid; sign in again."));
      return FALSE;
    }
  hcs_request_set_actor (req, user_id, username, role);
  return TRUE;
}

static HcRole
access_role (HcsAccess access)
{
  switch (access)
    {
    case HCS_ACCESS_SUPERVISOR:
      return HC_ROLE_SUPERVISOR;
    case HCS_ACCESS_ADMIN:
      return HC_ROLE_ADMIN;
    case HCS_ACCESS_PUBLIC:
    case HCS_ACCESS_ANALYST:
    default:
      return HC_ROLE_ANALYST;
    }
}

/* --db-read (issue 15): whether a request reads from the replica. A GET or
 * HEAD of a signed-in token does, unless the token wrote and the replica
 * has not replayed that write yet (hcs-store-pg-replica.c): its own writes
 * are then read from the primary. Everything else, and every write (a GET
 * that audits switches to the primary, hcs_request_write_store()), goes to
 * the primary. */
gboolean
hcs_server_reads_from_replica (const char *method,
                               gboolean    has_replica,
                               gboolean    signed_in,
                               gboolean    replica_is_current)
{
  return has_replica && signed_in && replica_is_current &&
         (g_str_equal (method, "GET") || g_str_equal (method, "HEAD"));
}

static char *
bearer_hash (HcsRequest *req)
{
  const char *auth = hcs_request_get_header (req, "Authorization");

  if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0 || auth[7] == '\0')
    return NULL;
  return hcs_auth_token_hash (auth + 7);
}

static void
read_from_replica (HcsWorker   *worker,
                   HcsRequest  *req,
                   const char  *method)
{
  g_autofree char *token_hash = NULL;
  g_autoptr(GError) error = NULL;
  gboolean current;

  if (!hcs_server_reads_from_replica (method, worker->read_store != NULL,
                                      hcs_request_get_actor (req) != NULL, TRUE) ||
      (token_hash = bearer_hash (req)) == NULL)
    return;
  /* a replica out of reach: the primary answers */
  if (!hcs_store_ensure_connected (worker->read_store, NULL))
    return;
  current = hcs_store_replica_is_current (worker->store, worker->read_store, token_hash, &error);
  if (error != NULL)
    g_warning ("%s: reading from the primary: %s", method, error->message);
  if (hcs_server_reads_from_replica (method, TRUE, TRUE, current))
    hcs_request_read_from (req, worker->read_store);
}

/* After a request of a token that may have written (not a GET or HEAD)
 * answered 2xx: its write position, for its later reads. */
static void
note_write (HcsWorker   *worker,
            HcsRequest  *req,
            const char  *method)
{
  g_autofree char *token_hash = NULL;
  g_autoptr(GError) error = NULL;
  guint status = soup_server_message_get_status (hcs_request_get_message (req));

  if (worker->read_store == NULL || g_str_equal (method, "GET") || g_str_equal (method, "HEAD") ||
      hcs_request_is_deferred (req) || status < 200 || status >= 300 ||
      (token_hash = bearer_hash (req)) == NULL)
    return;
  if (!hcs_store_sessions_note_write (worker->store, token_hash, &error))
    g_warning ("%s: cannot keep the session's write position: %s", method, error->message);
}

/* The bound on a statement's wait (hcs_store_set_wait()) of the worker's
 * connections, the replica's too: HNCREDIT_DB_TIMEOUT's, or none around
 * a route that runs for minutes (HcsRoute.unbounded). */
static void
set_worker_wait (HcsWorker *worker,
                 guint      wait_ms)
{
  hcs_store_set_wait (worker->store, wait_ms);
  if (worker->read_store != NULL)
    hcs_store_set_wait (worker->read_store, wait_ms);
}

static void
handle_api (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  HcsWorker *worker = user_data;
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(HcsRequest) req = NULL;
  const HcsRoute *route;
  HcsExportFormat format;
  gboolean path_known;

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");

  route = match_route (worker, msg, path, &params, &path_known);
  if (route == NULL)
    {
      if (path_known)
        reply_plain_error (msg, worker->store, HCS_ERR_METHOD_NOT_ALLOWED, _("This address does not take that method."));
      else
        reply_plain_error (msg, worker->store, HCS_ERR_NOT_FOUND, _("There is no such address in this API."));
      cork_answer (msg);
      return;
    }

  req = hcs_request_new (msg, worker->store, params);
  if (route->access != HCS_ACCESS_PUBLIC)
    {
      EarlyActor *early = g_object_get_data (G_OBJECT (msg), "hcs-early-actor");

      /* The early handler signed the request in already, before its body
       * was read; only an unforeseen path comes here without. */
      if (early != NULL)
        hcs_request_set_actor (req, early->user_id, early->username, early->role);
      else if (!authenticate (req))
        return;
      if (!hcs_request_require_role (req, access_role (route->access)))
        return;
    }

  read_from_replica (worker, req, method);

  /* Every listing exports through the same route (hcs-export.c). */
  if (g_str_equal (method, "GET") && (format = hcs_export_negotiate (req)) != HCS_EXPORT_NONE)
    {
      hcs_export_run (g_steal_pointer (&req), route, format);
      return;
    }

  if (route->unbounded)
    set_worker_wait (worker, 0);
  route->func (req);
  if (route->unbounded)
    set_worker_wait (worker, worker->server->wait_ms);

  if (!hcs_request_has_replied (req) && !hcs_request_is_deferred (req))
    {
      g_critical ("%s %s left without an answer", method, path);
      hcs_request_reply_error (req, HCS_ERR_INTERNAL, NULL,
                               _("The server could not complete this; nothing was changed."));
    }
  note_write (worker, req, method);
  if (!hcs_request_is_deferred (req))
    cork_answer (msg);
}

/* Runs when the headers are in, before libsoup reads the body: refuses
 * what the headers alone decide (no such route, no session, too low a role,
 * a declared body over the route's limit) without reading the body, and
 * sets the route's body limit for a body that comes in chunks. */
static void
handle_early (SoupServer        *soup,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  HcsWorker *worker = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(HcsRequest) req = NULL;
  const HcsRoute *route;
  gboolean path_known;
  goffset length;
  gsize max;

  /* A PostgreSQL connection lost since the last request (a restart or
   * failover of the database) is opened again; when it cannot be, the
   * statements below answer 503. */
  hcs_store_ensure_connected (worker->store, NULL);
  route = match_route (worker, msg, path, &params, &path_known);
  max = (route != NULL && route->max_body > 0) ? route->max_body : HCS_DEFAULT_MAX_BODY;
  hcs_http_guard_limit_body (msg, max);

  length = soup_message_headers_get_content_length (headers);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      length > (goffset) max)
    {
      g_autofree char *message =
        g_strdup_printf (_("The request body is too large: at most %llu bytes."), (unsigned long long) max);

      reply_plain_error (msg, worker->store, HCS_ERR_PAYLOAD_TOO_LARGE, message);
      hcs_http_guard_refuse_now (msg);
      return;
    }

  /* 404/405 are answered by handle_api once the (limited) body is in. */
  if (route == NULL || route->access == HCS_ACCESS_PUBLIC)
    return;

  req = hcs_request_new (msg, worker->store, params);
  if (authenticate (req) && hcs_request_require_role (req, access_role (route->access)))
    {
      const HcsActor *actor = hcs_request_get_actor (req);
      EarlyActor *early = g_new0 (EarlyActor, 1);

      early->user_id = actor->user_id;
      early->username = g_strdup (actor->username);
      early->role = actor->role;
      g_object_set_data_full (G_OBJECT (msg), "hcs-early-actor", early, early_actor_free);
      return;
    }
  /* The answer (401/403) is set: send it without reading a body. */
  hcs_http_guard_refuse_now (msg);
}

static void
on_request_started (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  HcsWorker *worker = user_data;

  hcs_http_guard_watch_request (msg, worker->server->request_timeout);
}

static void
handle_other (SoupServer        *soup,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  HcsWorker *worker = user_data;

  reply_plain_error (msg, worker->store, HCS_ERR_NOT_FOUND,
                     _("There is no such address; the API is under /api/v1."));
}

static SoupServer *
new_soup_server (HcsWorker *worker)
{
  SoupServer *soup;

  /* No versions in the Server header (no trailing space: libsoup would add
   * its own). Raw paths: the router decodes each path parameter once;
   * libsoup would decode the whole path first, so "%252F" became "/" and a
   * parameter was decoded twice. */
  soup = soup_server_new ("server-header", "hncredit",
                          "raw-paths", TRUE,
                          "tls-certificate", worker->server->tls_certificate,
                          NULL);
  g_signal_connect (soup, "request-started", G_CALLBACK (on_request_started), worker);
  hcs_http_guard_watch_server (soup);
  g_signal_connect (soup, "request-finished", G_CALLBACK (on_request_done), NULL);
  g_signal_connect (soup, "request-aborted", G_CALLBACK (on_request_done), NULL);
  soup_server_add_early_handler (soup, "/api/v1", handle_early, worker, NULL);
  soup_server_add_handler (soup, "/api/v1", handle_api, worker, NULL);
  soup_server_add_handler (soup, NULL, handle_other, worker, NULL);
  return soup;
}

static gpointer
worker_main (gpointer data)
{
  HcsWorker *worker = data;
  g_autoptr(SoupServer) soup = NULL;
  GError *error = NULL;

  g_main_context_push_thread_default (worker->context);
  soup = new_soup_server (worker);
  if (soup_server_listen_socket (soup, worker->socket,
                                 worker->server->tls_certificate ? SOUP_SERVER_LISTEN_HTTPS : 0,
                                 &error))
    hcs_http_guard_install_idle_timeout (worker->server->idle_timeout);

  g_mutex_lock (&worker->ready_lock);
  worker->error = error;
  worker->ready = TRUE;
  g_cond_signal (&worker->ready_cond);
  g_mutex_unlock (&worker->ready_lock);

  if (error == NULL)
    g_main_loop_run (worker->loop);

  soup_server_disconnect (soup);
  g_clear_object (&soup);
  /* Let the disconnects finish on this context before it goes. */
  while (g_main_context_pending (worker->context))
    g_main_context_iteration (worker->context, FALSE);
  g_main_context_pop_thread_default (worker->context);
  return NULL;
}

static void
worker_free (gpointer data)
{
  HcsWorker *worker = data;

  g_clear_pointer (&worker->loop, g_main_loop_unref);
  g_clear_pointer (&worker->context, g_main_context_unref);
  g_clear_object (&worker->socket);
  g_clear_pointer (&worker->store, hcs_store_free);
  g_clear_pointer (&worker->read_store, hcs_store_free);
  g_clear_error (&worker->error);
  g_mutex_clear (&worker->ready_lock);
  g_cond_clear (&worker->ready_cond);
  g_free (worker);
}

HcsServer *
hcs_server_new (const HcsServerOptions  *options,
                GError                 **error)
{
  HcsServer *self;

  g_return_val_if_fail (options != NULL && options->db_path != NULL, NULL);

  corked_quark = g_quark_from_static_string ("hcs-corked");
  self = g_new0 (HcsServer, 1);
  self->db_path = g_strdup (options->db_path);
  self->db_read_path = g_strdup (options->db_read_path);
  self->host = g_strdup (options->host ? options->host : "127.0.0.1");
  self->port = options->port;
  self->n_workers = options->n_workers ? options->n_workers : default_workers ();
  self->idle_timeout = options->idle_timeout ? options->idle_timeout : HCS_DEFAULT_IDLE_TIMEOUT;
  self->request_timeout = options->request_timeout ? options->request_timeout : HCS_DEFAULT_REQUEST_TIMEOUT;
  self->sync = options->sync;
  self->router = hcs_routes_new_router ();
  self->workers = g_ptr_array_new_with_free_func (worker_free);
  if (options->token_ttl >= 0)
    token_ttl = options->token_ttl;
  if (options->tls_cert_file != NULL || options->tls_key_file != NULL)
    {
      if (options->tls_cert_file == NULL || options->tls_key_file == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("HTTPS needs both --tls-cert FILE and --tls-key FILE."));
          hcs_server_free (self);
          return NULL;
        }
      self->tls_certificate = g_tls_certificate_new_from_files (options->tls_cert_file,
                                                                options->tls_key_file, error);
      if (self->tls_certificate == NULL)
        {
          hcs_server_free (self);
          return NULL;
        }
    }
  return self;
}

static GSocket *
bind_socket (const char  *host,
             guint16      port,
             GError     **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (host);
  g_autoptr(GSocketAddress) addr = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autofree struct sockaddr *native = NULL;
  gssize len;

  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an IP address"), host);
      return NULL;
    }
  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return NULL;
  if (!g_socket_set_option (socket, SOL_SOCKET, SO_REUSEPORT, 1, error))
    return NULL;
  addr = g_inet_socket_address_new (inet, port);
  /* Not g_socket_bind(): it clears SO_REUSEPORT on stream sockets. */
  len = g_socket_address_get_native_size (addr);
  native = g_malloc0 (len);
  if (!g_socket_address_to_native (addr, native, len, error))
    return NULL;
  if (bind (g_socket_get_fd (socket), native, len) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot listen on %s:%u: %s"), host, port, g_strerror (errsv));
      return NULL;
    }
  g_socket_set_listen_backlog (socket, 1024);
  if (!g_socket_listen (socket, error))
    return NULL;
  return g_steal_pointer (&socket);
}

/* How long a request's statement waits for PostgreSQL (hcs_store_set_wait()):
 * HNCREDIT_DB_TIMEOUT seconds (a decimal number; 0: no limit), 60 by
 * default — a primary that hangs answers 503 after it rather than never. */
static guint
db_wait_ms (void)
{
  const char *env = g_getenv ("HNCREDIT_DB_TIMEOUT");
  double seconds = 60;

  if (env != NULL && *env != '\0')
    {
      char *end = NULL;
      double value = g_ascii_strtod (env, &end);

      if (end != env && *end == '\0' && value >= 0 && value <= 86400)
        seconds = value;
      else
        g_warning ("HNCREDIT_DB_TIMEOUT=%s is not a number of seconds (0 to 86400): 60 s", env);
    }
  return (guint) (seconds * 1000 + 0.5);
}

/* How often a read connection on a primary looks for a standby again
 * (hcs_pg_seek_standby()): HCS_PG_STANDBY_LOOK_EVERY seconds, for tests;
 * a minute by default. */
static guint
standby_look_s (void)
{
  const char *env = g_getenv ("HCS_PG_STANDBY_LOOK_EVERY");
  gint64 seconds = env != NULL ? g_ascii_strtoll (env, NULL, 10) : 60;

  return (guint) CLAMP (seconds, 1, 86400);
}

/**
 * hcs_server_start:
 *
 * Binds the port (the first worker picks it when 0 was asked for, the others
 * join it) and starts the workers. The database must be migrated already.
 */
gboolean
hcs_server_start (HcsServer  *self,
                  GError    **error)
{
  guint look_s = standby_look_s ();

  self->wait_ms = db_wait_ms ();
  for (guint i = 0; i < self->n_workers; i++)
    {
      HcsWorker *worker = g_new0 (HcsWorker, 1);

      g_mutex_init (&worker->ready_lock);
      g_cond_init (&worker->ready_cond);
      worker->server = self;
      worker->index = i;
      g_ptr_array_add (self->workers, worker);

      worker->store = hcs_store_open (self->db_path, error);
      if (worker->store == NULL || !hcs_store_set_sync (worker->store, self->sync, error))
        return FALSE;
      hcs_store_set_wait (worker->store, self->wait_ms);
      /* the replica runs no migration: the primary's reach it by replication */
      if (self->db_read_path != NULL &&
          (worker->read_store = hcs_store_open (self->db_read_path, error)) == NULL)
        return FALSE;
      if (worker->read_store != NULL)
        {
          hcs_store_set_wait (worker->read_store, self->wait_ms);
          hcs_store_replica_seek_standby (worker->read_store, look_s);
        }
      worker->socket = bind_socket (self->host, self->port, error);
      if (worker->socket == NULL)
        return FALSE;
      if (self->port == 0)
        {
          g_autoptr(GSocketAddress) local = g_socket_get_local_address (worker->socket, error);

          if (local == NULL)
            return FALSE;
          self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
        }
    }

  for (guint i = 0; i < self->workers->len; i++)
    {
      HcsWorker *worker = g_ptr_array_index (self->workers, i);
      g_autofree char *name = g_strdup_printf ("hcs-worker-%u", i);

      worker->context = g_main_context_new ();
      worker->loop = g_main_loop_new (worker->context, FALSE);
      worker->thread = g_thread_new (name, worker_main, worker);

      g_mutex_lock (&worker->ready_lock);
      while (!worker->ready)
        g_cond_wait (&worker->ready_cond, &worker->ready_lock);
      g_mutex_unlock (&worker->ready_lock);
      if (worker->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&worker->error));
          return FALSE;
        }
    }
  if (self->workers->len > 0)
    {
      HcsWorker *first = g_ptr_array_index (self->workers, 0);

      self->grade_refresh = hcs_grade_refresh_start (first->store, first->context);
    }
  return TRUE;
}

/**
 * hcs_server_new_soup_for_store:
 * @store: (transfer full): the database the requests use
 *
 * For the HTTP fuzzer (tests/fuzz): a SoupServer with this server's
 * handlers on the calling thread's context, listening nowhere; feed it
 * connections with soup_server_accept_iostream().
 *
 * Returns: (transfer full): the SoupServer
 */
SoupServer *
hcs_server_new_soup_for_store (HcsServer *self,
                               HcsStore  *store)
{
  HcsWorker *worker = g_new0 (HcsWorker, 1);

  g_mutex_init (&worker->ready_lock);
  g_cond_init (&worker->ready_cond);
  worker->server = self;
  worker->index = self->workers->len;
  worker->store = store;
  g_ptr_array_add (self->workers, worker);
  return new_soup_server (worker);
}

guint16
hcs_server_get_port (HcsServer *self)
{
  return self->port;
}

const char *
hcs_server_get_host (HcsServer *self)
{
  return self->host;
}

gboolean
hcs_server_is_https (HcsServer *self)
{
  return self->tls_certificate != NULL;
}

static gboolean
quit_worker (gpointer data)
{
  HcsWorker *worker = data;

  g_main_loop_quit (worker->loop);
  return G_SOURCE_REMOVE;
}

/* Each worker finishes the request it is in (handlers run to completion on
 * their thread), then closes its connections; the stores close after. */
void
hcs_server_stop (HcsServer *self)
{
  for (guint i = 0; i < self->workers->len; i++)
    {
      HcsWorker *worker = g_ptr_array_index (self->workers, i);

      if (worker->thread != NULL)
        g_main_context_invoke (worker->context, quit_worker, worker);
    }
  for (guint i = 0; i < self->workers->len; i++)
    {
      HcsWorker *worker = g_ptr_array_index (self->workers, i);

      if (worker->thread != NULL)
        g_thread_join (g_steal_pointer (&worker->thread));
    }
  g_clear_pointer (&self->grade_refresh, hcs_grade_refresh_stop);
  for (guint i = 0; i < self->workers->len; i++)
    {
      HcsWorker *worker = g_ptr_array_index (self->workers, i);

      g_clear_pointer (&worker->store, hcs_store_free);
    }
}

void
hcs_server_free (HcsServer *self)
{
  if (self == NULL)
    return;
  hcs_server_stop (self);
  g_clear_pointer (&self->workers, g_ptr_array_unref);
  g_clear_pointer (&self->router, hcs_router_free);
  g_clear_object (&self->tls_certificate);
  g_free (self->db_path);
  g_free (self->db_read_path);
  g_free (self->host);
  g_free (self);
}
