/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The HTTP layer's own defences, below the routes.
 *
 * libsoup reads a request's whole body before a handler runs, whatever the
 * handler will say, and keeps it in memory; it reads a body that comes in
 * chunks without any limit; and it never times a connection out. So:
 *
 * - A body is counted while it arrives (got-chunk); past the route's limit,
 *   or when a refusal is known from the headers alone (413 by Content-Length,
 *   401, 403), the answer is written at once and the connection taken from
 *   libsoup and closed: the rest of the body is never read.
 * - Every accepted socket gets an inactivity timeout (idle keep-alive
 *   connections, stalled reads and writes), every request a deadline for
 *   its headers and a least rate for its body (slowloris).
 */
#define G_LOG_DOMAIN "hcs-http-guard"

#include "config.h"

#include <glib/gi18n.h>

#include "hcs-http-guard.h"
#include "hcs-request.h"

/* After a refusal is written, the rest of the body is read and thrown away
 * (never kept) for this long and up to this much, so that a client that
 * writes its whole body before it reads (libsoup's does) still gets the
 * answer; then the connection closes, and a longer body is cut off. */
#define LINGER_SECONDS   5
#define LINGER_MAX_BYTES (16 * 1024 * 1024)

typedef struct
{
  GSocket  *socket;
  GSource  *timer;
  gint64    last_active;   /* monotonic µs: accepted, or its last request done */
  gboolean  busy;          /* a request's headers are in, its answer not yet done */
} Connection;

static void connection_unref (Connection *c);

typedef struct
{
  SoupServerMessage *msg;          /* not owned: the guard lives on it */
  GSource           *deadline;
  guint              timeout;
  Connection        *connection;    /* (nullable) its connection's watch */
  gsize              max_body;
  guint64            received;
  guint64            received_at_tick;
  guint              limited : 1;
  guint              refused : 1;
  guint              gone : 1;       /* its connection closed */
} Guard;

static void
clear_deadline (Guard *guard)
{
  if (guard->deadline != NULL)
    {
      g_source_destroy (guard->deadline);
      g_clear_pointer (&guard->deadline, g_source_unref);
    }
}

static void
guard_free (gpointer data)
{
  Guard *guard = data;

  clear_deadline (guard);
  g_clear_pointer (&guard->connection, connection_unref);
  g_free (guard);
}

static GQuark
guard_quark (void)
{
  static gsize quark = 0;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("hcs-http-guard"));
  return (GQuark) quark;
}

static Guard *
get_guard (SoupServerMessage *msg)
{
  Guard *guard = g_object_get_qdata (G_OBJECT (msg), guard_quark ());

  if (guard == NULL)
    {
      guard = g_new0 (Guard, 1);
      guard->msg = msg;
      g_object_set_qdata_full (G_OBJECT (msg), guard_quark (), guard, guard_free);
    }
  return guard;
}

static void
set_deadline (Guard       *guard,
              guint        seconds,
              GSourceFunc  func)
{
  clear_deadline (guard);
  guard->deadline = g_timeout_source_new_seconds (seconds);
  g_source_set_callback (guard->deadline, func, guard, NULL);
  g_source_attach (guard->deadline, g_main_context_get_thread_default ());
}

/* ---- idle connections --------------------------------------------- */

static guint idle_timeout;

/* A connection between its requests. libsoup 3.2 does not close a
 * keep-alive connection whose wait for the next request fails — neither
 * when its socket times out nor when the client closes it: it stops
 * reading the socket and leaves it open. A request sent on it then is
 * never read (the client waits for its own timeout) and every such socket
 * stays open for good. So each connection is watched here: silent for the
 * idle timeout between requests, it is shut down and closed, which the
 * client sees at once; closed by the client, it is closed here too. */

static void
connection_clear (Connection *c)
{
  if (c->timer != NULL)
    {
      g_source_destroy (c->timer);
      g_clear_pointer (&c->timer, g_source_unref);
    }
  g_object_set_data (G_OBJECT (c->socket), "hcs-connection", NULL);
  g_clear_object (&c->socket);
}

static Connection *
connection_ref (Connection *c)
{
  return g_rc_box_acquire (c);
}

static void
connection_unref (Connection *c)
{
  g_rc_box_release_full (c, (GDestroyNotify) connection_clear);
}

static gint64
idle_usec (void)
{
  return (gint64) MAX (g_atomic_int_get (&idle_timeout), 1) * G_USEC_PER_SEC;
}

static gboolean on_connection_timer (gpointer data);

static void
connection_schedule (Connection *c,
                     gint64      delay_us)
{
  guint ms = (guint) CLAMP ((delay_us + 999) / 1000, 1, G_MAXUINT);

  c->timer = g_timeout_source_new (ms);
  g_source_set_callback (c->timer, on_connection_timer, connection_ref (c), (GDestroyNotify) connection_unref);
  g_source_attach (c->timer, g_main_context_get_thread_default ());
}

static gboolean
on_connection_timer (gpointer data)
{
  Connection *c = data;
  gint64 now = g_get_monotonic_time ();
  GSource *self = g_steal_pointer (&c->timer);

  /* The source ends when this returns; drop our pointer to it first. */
  g_source_unref (self);
  if (g_socket_is_closed (c->socket))
    return G_SOURCE_REMOVE;
  if (c->busy)
    connection_schedule (c, idle_usec ());
  else if (now - c->last_active < idle_usec ())
    connection_schedule (c, c->last_active + idle_usec () - now);
  else
    {
      /* FIN to the client, and the descriptor back. */
      g_socket_shutdown (c->socket, TRUE, TRUE, NULL);
      g_socket_close (c->socket, NULL);
    }
  return G_SOURCE_REMOVE;
}

/* Runs in the worker that accepted the connection, before libsoup reads or
 * writes it. The socket's own timeout (twice the idle one) stays as the
 * last resort for a write the client never takes; libsoup's reads and
 * writes are pollable sources on this socket, and a GSocket with a timeout
 * makes them fail after that much inactivity. */
static gboolean
on_new_connection (GSignalInvocationHint *hint,
                   guint                  n_params,
                   const GValue          *params,
                   gpointer               data)
{
  GObject *conn;
  g_autoptr(GSocket) socket = NULL;
  Connection *c;

  if (n_params < 2 || !G_VALUE_HOLDS_OBJECT (&params[1]))
    return TRUE;
  conn = g_value_get_object (&params[1]);
  if (conn == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (conn), "socket") == NULL)
    return TRUE;
  g_object_get (conn, "socket", &socket, NULL);
  if (!G_IS_SOCKET (socket))
    return TRUE;
  g_socket_set_timeout (socket, 2 * g_atomic_int_get (&idle_timeout));
  c = g_rc_box_new0 (Connection);
  c->socket = g_object_ref (socket);
  c->last_active = g_get_monotonic_time ();
  g_object_set_data (G_OBJECT (socket), "hcs-connection", c);
  connection_schedule (c, idle_usec ());
  connection_unref (c);   /* the timer holds it */
  return TRUE;
}

/**
 * hcs_http_guard_install_idle_timeout:
 *
 * Gives every connection accepted from now on @seconds of inactivity at
 * most. libsoup 3.2 has no such setting and keeps its listener private; its
 * listener announces each connection with the "new-connection" signal,
 * which this hooks. Call after a SoupServer listens (the type then exists).
 */
void
hcs_http_guard_install_idle_timeout (guint seconds)
{
  static gsize installed = 0;

  g_atomic_int_set (&idle_timeout, seconds);
  if (g_once_init_enter (&installed))
    {
      GType listener = g_type_from_name ("SoupListener");
      guint signal_id = listener ? g_signal_lookup ("new-connection", listener) : 0;

      if (signal_id != 0)
        g_signal_add_emission_hook (signal_id, 0, on_new_connection, NULL, NULL);
      else
        g_warning ("This libsoup has no SoupListener::new-connection; idle connections are not timed out.");
      g_once_init_leave (&installed, 1);
    }
}

/* ---- refusing without reading the rest --------------------------- */

typedef struct
{
  GIOStream *stream;
  GSocket   *socket;
  gsize      drained;
} Refusal;

/* Closes the socket itself: closing a TLS stream would first wait to write
 * its close_notify to a client that may not read. */
static void
refusal_close_and_free (gpointer data)
{
  Refusal *r = data;

  if (r->socket != NULL)
    g_socket_close (r->socket, NULL);
  else
    g_io_stream_close (r->stream, NULL, NULL);
  g_clear_object (&r->stream);
  g_clear_object (&r->socket);
  g_free (r);
}

static GBytes *
serialize_answer (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_response_body (msg));
  guint status = soup_server_message_get_status (msg);
  GString *out = g_string_new (NULL);
  SoupMessageHeadersIter iter;
  const char *name, *value;
  gsize len;
  const char *data = g_bytes_get_data (body, &len);

  g_string_append_printf (out, "HTTP/1.1 %u %s\r\n", status, soup_status_get_phrase (status));
  soup_message_headers_remove (headers, "Content-Length");
  soup_message_headers_remove (headers, "Transfer-Encoding");
  soup_message_headers_replace (headers, "Connection", "close");
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_string_append_printf (out, "%s: %s\r\n", name, value);
  g_string_append_printf (out, "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", len);
  g_string_append_len (out, data, (gssize) len);
  return g_string_free_to_bytes (out);
}

/* Reads and forgets what the client still sends, until it closes, the
 * linger time is over or the budget spent; the destroy notify closes. */
static gboolean
on_linger (GSocket      *socket,
           GIOCondition  condition,
           gpointer      data)
{
  Refusal *r = data;
  char buf[16 * 1024];

  if ((condition & (G_IO_IN | G_IO_HUP | G_IO_ERR)) == 0)
    return G_SOURCE_REMOVE;    /* the deadline */
  while (r->drained < LINGER_MAX_BYTES)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_socket_receive_with_blocking (socket, buf, sizeof buf, FALSE, NULL, &error);

      if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return G_SOURCE_CONTINUE;
      if (n <= 0)
        return G_SOURCE_REMOVE;
      r->drained += (gsize) n;
    }
  return G_SOURCE_REMOVE;
}

/* Takes the connection from libsoup, writes the answer (a few hundred
 * bytes into an empty socket buffer: one non-blocking write, or none when
 * the client does not even take that), and closes after a short linger. */
static gboolean
steal_and_answer (gpointer data)
{
  g_autoptr(SoupServerMessage) msg = data;
  g_autoptr(GBytes) answer = NULL;
  GSocket *socket = soup_server_message_get_socket (msg);
  Refusal *r = g_new0 (Refusal, 1);
  GOutputStream *out;
  GSource *linger;

  r->socket = socket ? g_object_ref (socket) : NULL;
  if (soup_server_message_get_status (msg) != 0)
    answer = serialize_answer (msg);
  r->stream = soup_server_message_steal_connection (msg);
  if (r->stream == NULL || answer == NULL)
    {
      if (r->stream != NULL)
        refusal_close_and_free (r);
      else
        {
          g_clear_object (&r->socket);
          g_free (r);
        }
      return G_SOURCE_REMOVE;
    }
  out = g_io_stream_get_output_stream (r->stream);
  if (G_IS_POLLABLE_OUTPUT_STREAM (out))
    g_pollable_output_stream_write_nonblocking (G_POLLABLE_OUTPUT_STREAM (out),
                                                g_bytes_get_data (answer, NULL), g_bytes_get_size (answer),
                                                NULL, NULL);
  g_output_stream_flush (out, NULL, NULL);
  if (r->socket == NULL)
    {
      refusal_close_and_free (r);
      return G_SOURCE_REMOVE;
    }
  /* FIN after the answer, so the client reads it and sees the end. */
  g_socket_shutdown (r->socket, FALSE, TRUE, NULL);
  linger = g_socket_create_source (r->socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_ready_time (linger, g_get_monotonic_time () + LINGER_SECONDS * G_USEC_PER_SEC);
  g_source_set_callback (linger, G_SOURCE_FUNC (on_linger), r, refusal_close_and_free);
  g_source_attach (linger, g_main_context_get_thread_default ());
  g_source_unref (linger);
  return G_SOURCE_REMOVE;
}

/**
 * hcs_http_guard_refuse_now:
 * @msg: a request whose answer (status and body) is set, or with no
 *   status to close the connection without an answer
 *
 * Sends that answer now, without reading what is left of the request, and
 * closes the connection after it. libsoup would read the whole body first;
 * so the connection is taken from it (once its I/O has stopped, from an
 * idle callback, not inside its own signal).
 */
void
hcs_http_guard_refuse_now (SoupServerMessage *msg)
{
  Guard *guard = get_guard (msg);
  GSource *idle;

  /* A connection that is gone has no answer to take: libsoup has let go
   * of its I/O (a TLS handshake the client broke off leaves such a
   * message behind), and taking it would crash. */
  if (guard->refused || guard->gone || soup_server_message_get_socket (msg) == NULL)
    return;
  guard->refused = TRUE;
  clear_deadline (guard);
  /* Before any body: libsoup itself answers without reading one when none
   * comes, or when the client waits for "100 Continue" (it sends the
   * refusal instead); the connection must not be reused after that. */
  if (soup_server_message_get_status (msg) != 0 && guard->received == 0)
    {
      SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

      if (!hcs_http_guard_body_expected (msg))
        return;
      if (soup_message_headers_get_expectations (headers) & SOUP_EXPECTATION_CONTINUE)
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Connection", "close");
          return;
        }
    }
  soup_server_message_pause (msg);
  idle = g_idle_source_new ();
  g_source_set_priority (idle, G_PRIORITY_HIGH);
  g_source_set_callback (idle, steal_and_answer, g_object_ref (msg), NULL);
  g_source_attach (idle, g_main_context_get_thread_default ());
  g_source_unref (idle);
}

/* Whether the request has a body to come. */
gboolean
hcs_http_guard_body_expected (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_CONTENT_LENGTH:
      return soup_message_headers_get_content_length (headers) > 0;
    case SOUP_ENCODING_NONE:
      return FALSE;
    default:
      return TRUE;
    }
}

static void
refuse_with (SoupServerMessage *msg,
             guint              status,
             const char        *code,
             const char        *message)
{
  g_autoptr(HcsRequest) req = NULL;

  if (get_guard (msg)->gone || soup_server_message_get_socket (msg) == NULL)
    return;
  req = hcs_request_new (msg, NULL, NULL);
  soup_message_body_truncate (soup_server_message_get_request_body (msg));
  hcs_request_reply_error (req, status, code, NULL, "%s", message);
  hcs_http_guard_refuse_now (msg);
}

/* ---- body limits ---------------------------------------------------- */

static void
on_got_chunk (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           data)
{
  Guard *guard = data;
  g_autofree char *message = NULL;

  guard->received += g_bytes_get_size (chunk);
  if (!guard->limited || guard->refused || guard->received <= guard->max_body)
    return;
  message = g_strdup_printf (_("The request body is too large: at most %llu bytes."),
                             (unsigned long long) guard->max_body);
  refuse_with (msg, HCS_ERR_PAYLOAD_TOO_LARGE, message);
}

/**
 * hcs_http_guard_limit_body:
 *
 * Refuses the request with 413 as soon as more than @max_body bytes of its
 * body have arrived, however they are sent (Content-Length or chunks).
 */
void
hcs_http_guard_limit_body (SoupServerMessage *msg,
                           gsize              max_body)
{
  Guard *guard = get_guard (msg);

  guard->max_body = max_body;
  guard->limited = TRUE;
}

/* ---- deadlines ------------------------------------------------------ */

/* No answer: the connection may as well be an idle keep-alive one whose
 * next request has not started, and a 408 there would be taken by the
 * client as the answer to the request it sends next. */
static gboolean
on_headers_late (gpointer data)
{
  Guard *guard = data;

  g_clear_pointer (&guard->deadline, g_source_unref);
  hcs_http_guard_refuse_now (guard->msg);
  return G_SOURCE_REMOVE;
}

static gboolean
on_body_tick (gpointer data)
{
  Guard *guard = data;

  if (guard->received - guard->received_at_tick >= HCS_MIN_BODY_BYTES_PER_PERIOD)
    {
      guard->received_at_tick = guard->received;
      return G_SOURCE_CONTINUE;
    }
  g_clear_pointer (&guard->deadline, g_source_unref);
  refuse_with (guard->msg, HCS_ERR_REQUEST_TIMEOUT,
               _("The request came too slowly; send it again."));
  return G_SOURCE_REMOVE;
}

static void
on_got_headers (SoupServerMessage *msg,
                gpointer           data)
{
  Guard *guard = data;

  if (guard->connection != NULL)
    guard->connection->busy = TRUE;
  if (guard->refused)
    return;
  clear_deadline (guard);
  /* Only a request with a body has chunks to count and a body to time. */
  if (hcs_http_guard_body_expected (msg))
    {
      g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), guard);
      set_deadline (guard, guard->timeout, on_body_tick);
    }
}

/* SoupServer::request-read: the body is in. */
static void
on_request_read (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           data)
{
  Guard *guard = g_object_get_qdata (G_OBJECT (msg), guard_quark ());

  if (guard != NULL)
    clear_deadline (guard);
}

/* SoupServer::request-finished and ::request-aborted (the message's
 * "finished"): the answer is out (or the request given up), so the
 * connection is idle from now on. */
static void
on_request_done (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           data)
{
  Guard *guard = g_object_get_qdata (G_OBJECT (msg), guard_quark ());

  if (guard == NULL)
    return;
  clear_deadline (guard);
  if (guard->connection != NULL)
    {
      guard->connection->busy = FALSE;
      guard->connection->last_active = g_get_monotonic_time ();
    }
}

static void
on_disconnected (SoupServerMessage *msg,
                 gpointer           data)
{
  Guard *guard = data;

  guard->gone = TRUE;
  clear_deadline (guard);
}

/**
 * hcs_http_guard_watch_request:
 * @request_timeout: seconds for the headers to arrive, and the period in
 *   which a body must bring at least HCS_MIN_BODY_BYTES_PER_PERIOD bytes
 *
 * Called when a request starts (its first bytes came); a request too slow
 * gets 408 and its connection closed. Also counts the body's bytes for
 * hcs_http_guard_limit_body().
 */
void
hcs_http_guard_watch_request (SoupServerMessage *msg,
                              guint              request_timeout)
{
  Guard *guard = get_guard (msg);
  GSocket *socket = soup_server_message_get_socket (msg);
  Connection *c = socket != NULL ? g_object_get_data (G_OBJECT (socket), "hcs-connection") : NULL;

  if (c != NULL && guard->connection == NULL)
    guard->connection = connection_ref (c);
  guard->timeout = MAX (request_timeout, 1);
  /* Two handlers a message, the rest on the server once
   * (hcs_http_guard_watch_server()): connecting six a request was 15,000
   * instructions of a look-up's 250,000. */
  g_signal_connect (msg, "got-headers", G_CALLBACK (on_got_headers), guard);
  g_signal_connect (msg, "disconnected", G_CALLBACK (on_disconnected), guard);
  set_deadline (guard, guard->timeout, on_headers_late);
}

/**
 * hcs_http_guard_watch_server:
 *
 * Connects what hcs_http_guard_watch_request() needs of @soup's own
 * signals (the body in, the answer out); once per SoupServer.
 */
void
hcs_http_guard_watch_server (SoupServer *soup)
{
  g_signal_connect (soup, "request-read", G_CALLBACK (on_request_read), NULL);
  g_signal_connect (soup, "request-finished", G_CALLBACK (on_request_done), NULL);
  g_signal_connect (soup, "request-aborted", G_CALLBACK (on_request_done), NULL);
}
