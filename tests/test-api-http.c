/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of the HTTP layer itself, spoken to over raw sockets where an
 * HTTP client library would hide what is tested: body limits that hold for
 * chunked bodies and are enforced while the body arrives, the JSON depth
 * limit, path parameters decoded once, time limits on slow and idle
 * connections, the Server header, and If-Match as RFC 9110 has it. */
#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hc-core.h"
#include "hc-test-server.h"

#define MiB (1024 * 1024)

static HcTestServer *server;
static guint serial;

/* ---- a raw HTTP/1.1 client ---------------------------------------- */

static int
raw_connect (HcTestServer *srv)
{
  const char *url = hc_test_server_get_url (srv);
  const char *colon = strrchr (url, ':');
  struct sockaddr_in addr = { 0 };
  int fd = socket (AF_INET, SOCK_STREAM, 0);

  g_assert_cmpint (fd, >=, 0);
  addr.sin_family = AF_INET;
  addr.sin_port = htons ((guint16) g_ascii_strtoull (colon + 1, NULL, 10));
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (connect (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  return fd;
}

static void
send_all (int         fd,
          const char *data,
          gsize       len)
{
  while (len > 0)
    {
      ssize_t n = send (fd, data, len, MSG_NOSIGNAL);

      g_assert_cmpint (n, >, 0);
      data += n;
      len -= (gsize) n;
    }
}

/* Reads until the server closes (or resets after its answer), at most
 * @timeout_s seconds of silence. */
static char *
read_until_closed (int  fd,
                   int  timeout_s,
                   gboolean *closed)
{
  GString *out = g_string_new (NULL);
  char buf[4096];

  *closed = FALSE;
  for (;;)
    {
      struct pollfd p = { fd, POLLIN, 0 };
      ssize_t n;

      if (poll (&p, 1, timeout_s * 1000) <= 0)
        break;
      n = recv (fd, buf, sizeof buf, 0);
      if (n <= 0)
        {
          *closed = TRUE;
          break;
        }
      g_string_append_len (out, buf, n);
    }
  return g_string_free (out, FALSE);
}

static guint
status_of (const char *answer)
{
  if (!g_str_has_prefix (answer, "HTTP/1.1 "))
    return 0;
  return (guint) g_ascii_strtoull (answer + 9, NULL, 10);
}

/* The value of header @name in the raw @answer, or NULL. */
static char *
header_of (const char *answer,
           const char *name)
{
  g_auto(GStrv) lines = g_strsplit (answer, "\r\n", -1);

  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      char *colon = strchr (lines[i], ':');

      if (colon != NULL && g_ascii_strncasecmp (lines[i], name, colon - lines[i]) == 0 &&
          strlen (name) == (gsize) (colon - lines[i]))
        return g_strstrip (g_strdup (colon + 1));
    }
  return NULL;
}

typedef struct
{
  HcTestServer *srv;
  const char   *path;
  const char   *token;
  guint64       total;        /* body bytes to try to send */
  char          fill;
  /* results */
  guint64       sent;
  char         *answer;
} ChunkedPost;

/* POSTs a chunked body of @total bytes, stopping as soon as an answer comes
 * (a well-behaved client that watches for an early answer), and reads that
 * answer. Non-blocking, so a server that stops reading cannot hang us. */
static gpointer
chunked_post (gpointer data)
{
  ChunkedPost *c = data;
  int fd = raw_connect (c->srv);
  g_autofree char *head = g_strdup_printf ("POST /api/v1%s HTTP/1.1\r\nHost: test\r\n"
                                           "Content-Type: application/json\r\n"
                                           "Transfer-Encoding: chunked\r\n%s%s%s\r\n",
                                           c->path, c->token ? "Authorization: Bearer " : "",
                                           c->token ? c->token : "", c->token ? "\r\n" : "");
  g_autofree char *frame = NULL;
  gsize frame_len, off = 0;
  gboolean closed;
  const gsize chunk = 64 * 1024;

  frame = g_malloc (chunk + 16);
  frame_len = (gsize) g_snprintf (frame, 16, "%zx\r\n", chunk);
  memset (frame + frame_len, c->fill, chunk);
  frame_len += chunk;
  memcpy (frame + frame_len, "\r\n", 2);
  frame_len += 2;

  send_all (fd, head, strlen (head));
  while (c->sent < c->total)
    {
      struct pollfd p = { fd, POLLIN | POLLOUT, 0 };
      ssize_t n;

      g_assert_cmpint (poll (&p, 1, 30000), >, 0);
      if (p.revents & (POLLIN | POLLHUP | POLLERR))
        break;
      n = send (fd, frame + off, frame_len - off, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        continue;
      if (n < 0)
        break;
      c->sent += (guint64) n;
      off = (off + (gsize) n) % frame_len;
    }
  if (c->sent >= c->total)
    send_all (fd, "0\r\n\r\n", 5);
  c->answer = read_until_closed (fd, 30, &closed);
  close (fd);
  return NULL;
}

static gint64
server_rss_kib (HcTestServer *srv)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) hc_test_server_get_pid (srv));
  g_autofree char *text = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  line = strstr (text, "VmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoll (line + 6, NULL, 10);
}

static void
assert_server_answers (void)
{
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/health", NULL, NULL);

  hc_assert_status (r, 200, NULL);
}

static char *
make_uscc (void)
{
  char code[19];

  g_snprintf (code, sizeof code, "91460100%08u", 20000000 + serial++);
  code[16] = hc_org_code_compute_check (code + 8);
  code[17] = '\0';
  code[17] = hc_uscc_compute_check (code);
  code[18] = '\0';
  return g_strdup (code);
}

/* A server of its own, run with @asan_extra added to ASAN_OPTIONS. */
static HcTestServer *
server_with_asan_options (const char         *asan_extra,
                          const char * const *args)
{
  g_autofree char *saved = g_strdup (g_getenv ("ASAN_OPTIONS"));
  g_autofree char *asan = g_strconcat (saved ? saved : "", saved ? ":" : "", asan_extra, NULL);
  HcTestServer *srv;

  g_setenv ("ASAN_OPTIONS", asan, TRUE);
  srv = hc_test_server_new (HC_TEST_SERVER_EMPTY, args);
  if (saved != NULL)
    g_setenv ("ASAN_OPTIONS", saved, TRUE);
  else
    g_unsetenv ("ASAN_OPTIONS");
  return srv;
}

/* ---- 1. bodies ------------------------------------------------------ */

static char *
nested (guint depth)
{
  GString *s = g_string_sized_new (depth * 2);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static void
test_http_deep_json_cannot_crash (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autofree char *deep = nested (100000);
  g_autofree char *limit = nested (64);
  g_autofree char *over = nested (65);

  /* Without a session: the public sign-in route takes 64 KiB at most. */
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/session", NULL, deep);

    hc_assert_status (r, 413, "payload_too_large");
  }
  {
    ChunkedPost c = { server, "/session", NULL, 100000, '[', 0, NULL };

    chunked_post (&c);
    g_assert_cmpuint (status_of (c.answer), ==, 413);
    g_free (c.answer);
  }
  /* A route that needs a session says so before reading any body. */
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/subjects", NULL, deep);

    hc_assert_status (r, 401, "unauthenticated");
  }
  /* Signed in, within the size limit: refused by the depth scan. */
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/subjects", admin, deep);

    hc_assert_status (r, 400, "json_too_deep");
  }
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/subjects", admin, over);

    hc_assert_status (r, 400, "json_too_deep");
  }
  /* 64 levels reach the parser (and are refused as not an object). */
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/subjects", admin, limit);

    hc_assert_status (r, 400, "invalid_json");
  }
  /* Brackets inside strings are text, not nesting. */
  {
    g_autofree char *in_string = g_strdup_printf ("{\"identifier\":\"%s\\\"\",\"name\":\"x\"}", deep);
    g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/subjects", admin, in_string);

    g_assert_cmpuint (r->status, !=, 400);
  }
  assert_server_answers ();
}

static void
test_http_chunked_body_over_limit_is_413 (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  ChunkedPost c = { server, "/subjects", admin, 64 * MiB, ' ', 0, NULL };
  ChunkedPost anon = { server, "/subjects", NULL, 64 * MiB, ' ', 0, NULL };
  g_autofree char *connection = NULL;

  chunked_post (&c);
  g_assert_cmpuint (status_of (c.answer), ==, 413);
  g_assert_nonnull (strstr (c.answer, "\"payload_too_large\""));
  connection = header_of (c.answer, "Connection");
  g_assert_cmpstr (connection, ==, "close");
  /* The server stopped reading: far less than the body went out. */
  g_assert_cmpuint (c.sent, <, 32 * MiB);
  g_free (c.answer);

  chunked_post (&anon);
  g_assert_cmpuint (status_of (anon.answer), ==, 401);
  g_assert_cmpuint (anon.sent, <, 32 * MiB);
  g_free (anon.answer);

  /* A declared length over the limit is refused from the headers. */
  {
    int fd = raw_connect (server);
    g_autofree char *head = g_strdup_printf ("POST /api/v1/subjects HTTP/1.1\r\nHost: t\r\n"
                                             "Authorization: Bearer %s\r\n"
                                             "Content-Type: application/json\r\n"
                                             "Content-Length: %u\r\n\r\n", admin, 250 * MiB);
    g_autofree char *answer = NULL;
    gboolean closed;

    send_all (fd, head, strlen (head));
    answer = read_until_closed (fd, 30, &closed);
    g_assert_cmpuint (status_of (answer), ==, 413);
    g_assert_true (closed);
    close (fd);
  }
  /* Within the limit, chunked works. */
  {
    g_autofree char *uscc = make_uscc ();
    g_autofree char *body = g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"分块有限公司\","
                                             "\"type\":\"legal_person\",\"industry\":\"批发和零售业\"}", uscc);
    g_autofree char *head = g_strdup_printf ("POST /api/v1/subjects HTTP/1.1\r\nHost: t\r\n"
                                             "Authorization: Bearer %s\r\nConnection: close\r\n"
                                             "Content-Type: application/json\r\n"
                                             "Transfer-Encoding: chunked\r\n\r\n%zx\r\n%s\r\n0\r\n\r\n",
                                             admin, strlen (body), body);
    int fd = raw_connect (server);
    g_autofree char *answer = NULL;
    gboolean closed;

    send_all (fd, head, strlen (head));
    answer = read_until_closed (fd, 30, &closed);
    g_assert_cmpuint (status_of (answer), ==, 201);
    close (fd);
  }
  assert_server_answers ();
}

/* Several 250 MB bodies at once, signed in and not, chunked and not: the
 * server reads at most a route's limit of each and lets go of it. */
static void
test_http_big_bodies_do_not_grow_memory (void)
{
  g_autoptr(HcTestServer) srv = NULL;
  const char *admin;
  const char *paths[] = { "/subjects", "/session", "/subjects", "/risk/events", "/catalog/versions", "/users" };
  ChunkedPost posts[G_N_ELEMENTS (paths)];
  GThread *threads[G_N_ELEMENTS (paths)];
  gint64 before, after;

  /* Under AddressSanitizer freed memory stays resident in its quarantine;
   * without one, RSS shows what the server holds. */
  srv = server_with_asan_options ("quarantine_size_mb=0", NULL);
  admin = hc_test_server_token (srv, "admin");

  /* Round 0 warms up (each worker's first refusals allocate what stays);
   * rounds 1 and 2 must then not grow the server. */
  before = 0;
  for (guint round = 0; round < 3; round++)
    {
      if (round == 1)
        before = server_rss_kib (srv);
      for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
        {
          posts[i] = (ChunkedPost) { srv, paths[i], i % 2 == 0 ? NULL : admin, 250 * (guint64) MiB, '{', 0, NULL };
          threads[i] = g_thread_new ("post", chunked_post, &posts[i]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
        {
          g_thread_join (threads[i]);
          g_assert_cmpuint (status_of (posts[i].answer), >=, 400);
          g_assert_cmpuint (status_of (posts[i].answer), <, 500);
          g_assert_cmpuint (posts[i].sent, <, 64 * MiB);
          g_clear_pointer (&posts[i].answer, g_free);
        }
    }
  {
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "GET", "/health", NULL, NULL);

    hc_assert_status (r, 200, NULL);
  }
  after = server_rss_kib (srv);
  g_test_message ("server RSS before %" G_GINT64_FORMAT " KiB, after %" G_GINT64_FORMAT " KiB", before, after);
  /* 3 GB offered; a server that buffered it would grow by that much. */
  g_assert_cmpint (after - before, <, 8 * 1024);
}

/* json-glib 1.6 keeps every node it built after a document's first value
 * when more follows ("{}[…]" fails with "extra data"): without the guard
 * each such sign-in, unauthenticated, leaked about its body's size. */
static void
test_http_json_second_value_does_not_leak (void)
{
  g_autoptr(HcTestServer) srv = server_with_asan_options ("quarantine_size_mb=0", NULL);
  GString *body = g_string_new ("{\"username\":\"admin\",\"password\":\"x\"} [");
  gint64 before = 0, after;

  while (body->len < 60 * 1024)
    g_string_append (body, "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",");
  g_string_append (body, "1]");
  for (guint i = 0; i < 110; i++)
    {
      g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/session", NULL, body->str);

      hc_assert_status (r, 400, "invalid_json");
      if (i == 9)   /* after the first ones warmed every worker up */
        before = server_rss_kib (srv);
    }
  after = server_rss_kib (srv);
  g_test_message ("server RSS before %" G_GINT64_FORMAT " KiB, after %" G_GINT64_FORMAT " KiB", before, after);
  /* 100 × 60 KiB sent: a leak of the parsed nodes would be 10 MB or more. */
  g_assert_cmpint (after - before, <, 3 * 1024);
  g_string_free (body, TRUE);
}

/* ---- 2. paths, time limits, Server header -------------------------- */

static void
test_http_path_parameters_decoded_once (void)
{
  g_autofree char *uscc = make_uscc ();
  GString *once = g_string_new ("/subjects/");
  g_autofree char *twice = NULL;
  g_autofree char *once_path = NULL;

  hc_test_create_subject (server, uscc, "路径有限公司", "legal_person", "460100");
  for (const char *p = uscc; *p; p++)
    g_string_append_printf (once, "%%%02X", (guchar) *p);
  once_path = g_string_free (once, FALSE);
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", once_path, hc_test_server_token (server, "admin"), NULL);

    hc_assert_status (r, 200, NULL);
  }
  /* "%2539…" is "%39…" after one decoding: no subject has that identifier.
   * Decoded twice it would be the subject's. */
  twice = g_strdup_printf ("/subjects/%%25%02X%s", (guchar) uscc[0], uscc + 1);
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", twice, hc_test_server_token (server, "admin"), NULL);

    hc_assert_status (r, 404, NULL);
  }
  /* A parameter cannot smuggle a "/" or a NUL, nor bytes that are not UTF-8. */
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/subjects/91%2F46", hc_test_server_token (server, "admin"), NULL);

    hc_assert_status (r, 404, NULL);
  }
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/subjects/91%0046", hc_test_server_token (server, "admin"), NULL);

    hc_assert_status (r, 404, NULL);
  }
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/subjects/91%FF46", hc_test_server_token (server, "admin"), NULL);

    hc_assert_status (r, 404, NULL);
  }
  assert_server_answers ();
}

static void
test_http_server_header_has_no_versions (void)
{
  int fd = raw_connect (server);
  const char *req = "GET /api/v1/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
  g_autofree char *answer = NULL;
  g_autofree char *value = NULL;
  gboolean closed;

  send_all (fd, req, strlen (req));
  answer = read_until_closed (fd, 30, &closed);
  close (fd);
  g_assert_cmpuint (status_of (answer), ==, 200);
  value = header_of (answer, "Server");
  g_assert_cmpstr (value, ==, "hncredit");
  g_assert_null (strpbrk (value, "/0123456789"));
}

/* A connection that says nothing, one that sends its headers a byte at a
 * time and one whose body trickles are all closed by the server. */
static void
test_http_slow_and_idle_connections_are_closed (void)
{
  const char *args[] = { "--idle-timeout", "2", "--request-timeout", "2", NULL };
  g_autoptr(HcTestServer) srv = hc_test_server_new (HC_TEST_SERVER_EMPTY, args);
  gboolean closed;

  {
    int fd = raw_connect (srv);
    g_autofree char *answer = read_until_closed (fd, 60, &closed);

    g_assert_true (closed);
    g_assert_cmpstr (answer, ==, "");
    close (fd);
  }
  {
    int fd = raw_connect (srv);
    guint lines = 0;

    send_all (fd, "GET /api/v1/health HTTP/1.1\r\n", 30);
    /* One header line every 300 ms: each keeps the socket active, so only
     * the deadline for the whole header can end it. */
    for (closed = FALSE; !closed && lines < 400; lines++)
      {
        struct pollfd p = { fd, POLLIN, 0 };

        if (send (fd, "X-Slow: 1\r\n", 11, MSG_NOSIGNAL) != 11 || poll (&p, 1, 300) > 0)
          closed = TRUE;
      }
    g_assert_true (closed);
    g_assert_cmpuint (lines, <, 400);
    close (fd);
  }
  {
    int fd = raw_connect (srv);
    const char *head = "POST /api/v1/session HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                       "Content-Length: 60000\r\n\r\n";
    g_autofree char *answer = NULL;
    guint sent = 0;

    send_all (fd, head, strlen (head));
    for (closed = FALSE; !closed && sent < 60000; sent += 10)
      {
        struct pollfd p = { fd, POLLIN, 0 };

        if (send (fd, "          ", 10, MSG_NOSIGNAL) != 10 || poll (&p, 1, 300) > 0)
          closed = TRUE;
      }
    g_assert_true (closed);
    g_assert_cmpuint (sent, <, 60000);
    answer = read_until_closed (fd, 30, &closed);
    g_assert_cmpuint (status_of (answer), ==, 408);
    close (fd);
  }
  {
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "GET", "/health", NULL, NULL);

    hc_assert_status (r, 200, NULL);
  }
}

/* ---- 3. If-Match ---------------------------------------------------- */

static HcTestResponse *
patch_with (const char *path,
            const char *body,
            const char *if_match)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return hc_test_request_full (server, "PATCH", path, hc_test_server_token (server, "admin"),
                               "application/json", bytes, if_match);
}

/* The server's open sockets (/proc/PID/fd). */
static guint
server_sockets (HcTestServer *srv)
{
  g_autofree char *dir_path = g_strdup_printf ("/proc/%d/fd", (int) hc_test_server_get_pid (srv));
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *target = g_file_read_link (path, NULL);

      n += target != NULL && g_str_has_prefix (target, "socket:");
    }
  return n;
}

/* Between requests: a keep-alive connection silent for the idle timeout is
 * closed (libsoup 3.2 stopped reading it and left it open, so a request
 * sent on it later was never answered), and one the client closes is
 * closed by the server too (libsoup left those open for good). */
static void
test_http_idle_keep_alive_connections_are_closed (void)
{
  const char *args[] = { "--idle-timeout", "2", "--request-timeout", "60", NULL };
  g_autoptr(HcTestServer) srv = hc_test_server_new (HC_TEST_SERVER_EMPTY, args);
  const char *req = "GET /api/v1/health HTTP/1.1\r\nHost: t\r\n\r\n";
  guint before, during, after = 0;
  gboolean closed;
  int fds[20];

  {
    int fd = raw_connect (srv);
    g_autofree char *answer = NULL;

    send_all (fd, req, strlen (req));
    /* The answer, then the end: well before the request timeout. */
    answer = read_until_closed (fd, 30, &closed);
    close (fd);
    g_assert_cmpuint (status_of (answer), ==, 200);
    g_assert_true (closed);
  }

  before = server_sockets (srv);
  for (guint i = 0; i < G_N_ELEMENTS (fds); i++)
    {
      g_autofree char *answer = NULL;
      char buf[4096];
      ssize_t n;

      fds[i] = raw_connect (srv);
      send_all (fds[i], req, strlen (req));
      /* The answer is small: headers and body in one read or two. */
      answer = g_strdup ("");
      while (strstr (answer, "\"schema\"") == NULL && (n = recv (fds[i], buf, sizeof buf - 1, 0)) > 0)
        {
          char *more;

          buf[n] = '\0';
          more = g_strconcat (answer, buf, NULL);
          g_free (answer);
          answer = more;
        }
      g_assert_cmpuint (status_of (answer), ==, 200);
    }
  during = server_sockets (srv);
  g_assert_cmpuint (during, >, before);
  for (guint i = 0; i < G_N_ELEMENTS (fds); i++)
    close (fds[i]);
  /* Up to a minute for the server to let them go (it takes the idle
   * timeout, 2 s); a leak keeps them for good. */
  for (guint tries = 0; tries < 600; tries++)
    {
      after = server_sockets (srv);
      if (after <= before)
        break;
      g_usleep (100 * 1000);
    }
  g_assert_cmpuint (after, <=, before);
}

static void
test_http_if_match_follows_rfc_9110 (void)
{
  g_autofree char *uscc = make_uscc ();
  g_autofree char *path = g_strdup_printf ("/subjects/%s", uscc);
  g_autofree char *etag = NULL;

  hc_test_create_subject (server, uscc, "条件有限公司", "legal_person", "460100");
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, hc_test_server_token (server, "admin"), NULL);

    hc_assert_status (r, 200, NULL);
    etag = g_strdup (r->etag);
    g_assert_cmpstr (etag, ==, "\"1\"");
  }
  /* Well-formed but not current: 412, and nothing changes. */
  {
    g_autoptr(HcTestResponse) r = patch_with (path, "{\"name\":\"改一\"}", "\"999\"");

    hc_assert_status (r, 412, "stale");
  }
  {
    g_autoptr(HcTestResponse) r = patch_with (path, "{\"name\":\"改一\"}", "\"opaque-tag\"");

    hc_assert_status (r, 412, "stale");
  }
  /* A weak tag never matches in If-Match, even the current one. */
  {
    g_autoptr(HcTestResponse) r = patch_with (path, "{\"name\":\"改一\"}", "W/\"1\"");

    hc_assert_status (r, 412, "stale");
  }
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, hc_test_server_token (server, "admin"), NULL);

    g_assert_cmpstr (r->etag, ==, "\"1\"");
    g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (r), "name"), ==, "条件有限公司");
  }
  /* Malformed: 400. Missing: 428. */
  for (guint i = 0; i < 6; i++)
    {
      const char *bad[] = { "1", "\"1", "W/1", "\"1\" \"2\"", "*, \"1\"", "\"a b\"" };
      g_autoptr(HcTestResponse) r = patch_with (path, "{\"name\":\"改一\"}", bad[i]);

      hc_assert_status (r, 400, "invalid_if_match");
    }
  {
    g_autoptr(HcTestResponse) r = patch_with (path, "{\"name\":\"改一\"}", NULL);

    hc_assert_status (r, 428, "precondition_required");
  }
  /* A list holding the current tag matches; so does "*". */
  {
    g_autoptr(HcTestResponse) r = patch_with (path, "{\"name\":\"改一\"}", "W/\"1\", \"7\" , \"1\"");

    hc_assert_status (r, 200, NULL);
    g_assert_cmpstr (r->etag, ==, "\"2\"");
  }
  {
    g_autoptr(HcTestResponse) r = patch_with (path, "{\"name\":\"改二\"}", "*");

    hc_assert_status (r, 200, NULL);
    g_assert_cmpstr (r->etag, ==, "\"3\"");
  }
  /* "*" needs the record to exist. */
  {
    g_autofree char *other = make_uscc ();
    g_autofree char *missing = g_strdup_printf ("/subjects/%s", other);
    g_autoptr(HcTestResponse) r = patch_with (missing, "{\"name\":\"无\"}", "*");

    hc_assert_status (r, 404, NULL);
  }
  /* Another route, the same helper: users. */
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/users", hc_test_server_token (server, "admin"),
                                                   "{\"username\":\"ifmatch\",\"display_name\":\"条件\","
                                                   "\"role\":\"analyst\",\"password\":\"long-enough-pw-1\"}");
    g_autofree char *user_path = NULL;

    hc_assert_status (r, 201, NULL);
    user_path = g_strdup_printf ("/users/%" G_GINT64_FORMAT,
                                 json_object_get_int_member (hc_test_response_object (r), "id"));
    {
      g_autoptr(HcTestResponse) p = patch_with (user_path, "{\"display_name\":\"甲\"}", "W/\"1\"");

      hc_assert_status (p, 412, "stale");
    }
    {
      g_autoptr(HcTestResponse) p = patch_with (user_path, "{\"display_name\":\"乙\"}", "*");

      hc_assert_status (p, 200, NULL);
    }
  }
}

/* ---- 5. TLS --------------------------------------------------------- */

static gboolean
accept_if_same (SoupMessage          *msg,
                GTlsCertificate      *peer,
                GTlsCertificateFlags  errors,
                gpointer              data)
{
  return g_tls_certificate_is_same (peer, data);
}

/* --tls-cert/--tls-key serve HTTPS with a certificate made here. */
static void
test_http_tls_serves_https (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hncredit-tls-XXXXXX", &error);
  g_autofree char *cert_path = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key_path = g_build_filename (dir, "key.pem", NULL);
  const char *openssl[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                            "-keyout", key_path, "-out", cert_path, "-days", "2",
                            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", NULL };
  const char *args[] = { "--tls-cert", cert_path, "--tls-key", key_path, NULL };
  const char *brief_args[] = { "--tls-cert", cert_path, "--tls-key", key_path, "--request-timeout", "1", NULL };
  g_autoptr(HcTestServer) srv = NULL;
  g_autoptr(GTlsCertificate) cert = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = NULL;
  g_autofree char *plain_url = NULL;
  int wait_status = 0;

  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) openssl, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  cert = g_tls_certificate_new_from_file (cert_path, &error);
  g_assert_no_error (error);

  /* LeakSanitizer's tracer crashes (SIGSEGV) in a process that has used
   * glib-networking's TLS, before it can look for leaks: leaks are checked
   * by the plain-HTTP servers of the other tests. */
  srv = server_with_asan_options ("detect_leaks=0", args);
  g_assert_true (g_str_has_prefix (hc_test_server_get_url (srv), "https://"));
  url = g_strconcat (hc_test_server_get_url (srv), "/api/v1/health", NULL);
  {
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
    g_autoptr(GBytes) body = NULL;

    g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_if_same), cert);
    body = soup_session_send_and_read (session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    g_assert_nonnull (soup_message_get_tls_peer_certificate (msg));
  }
  /* Without trusting that certificate (a new session: no connection that
   * was accepted before), the client refuses the server. */
  {
    g_autoptr(SoupSession) fresh = soup_session_new ();
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
    g_autoptr(GBytes) body = soup_session_send_and_read (fresh, msg, NULL, &error);

    g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
    g_clear_error (&error);
  }
  /* A handshake the client broke off leaves the server a request whose
   * connection is gone; its deadline (--request-timeout 1) passing must
   * not take that connection, which crashed the server. It still answers
   * after that (tried a few times: under load, a handshake itself may
   * outlast so short a deadline; a crashed server never answers). */
  {
    g_autoptr(HcTestServer) brief = server_with_asan_options ("detect_leaks=0", brief_args);
    g_autofree char *brief_url = g_strconcat (hc_test_server_get_url (brief), "/api/v1/health", NULL);
    gboolean answered = FALSE;

    {
      g_autoptr(SoupSession) fresh = soup_session_new ();
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", brief_url);
      g_autoptr(GBytes) body = soup_session_send_and_read (fresh, msg, NULL, &error);

      g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
      g_clear_error (&error);
    }
    g_usleep (3 * G_USEC_PER_SEC);
    for (guint i = 0; i < 20 && !answered; i++)
      {
        g_autoptr(SoupSession) fresh = soup_session_new ();
        g_autoptr(SoupMessage) msg = soup_message_new ("GET", brief_url);
        g_autoptr(GBytes) body = NULL;

        g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_if_same), cert);
        body = soup_session_send_and_read (fresh, msg, NULL, &error);
        if (error == NULL)
          answered = soup_message_get_status (msg) == 200;
        else
          g_test_message ("try %u: %s", i, error->message);
        g_clear_error (&error);
      }
    g_assert_true (answered);
    hc_test_server_free (g_steal_pointer (&brief));
  }
  /* Plain HTTP is not served on that port. */
  plain_url = g_strconcat ("http://", hc_test_server_get_url (srv) + strlen ("https://"), "/api/v1/health", NULL);
  {
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", plain_url);
    g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, &error);

    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  hc_test_server_free (g_steal_pointer (&srv));
  g_remove (cert_path);
  g_remove (key_path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);

  g_test_add_func ("/http/deep-json-cannot-crash", test_http_deep_json_cannot_crash);
  g_test_add_func ("/http/chunked-body-over-limit-is-413", test_http_chunked_body_over_limit_is_413);
  g_test_add_func ("/http/big-bodies-do-not-grow-memory", test_http_big_bodies_do_not_grow_memory);
  g_test_add_func ("/http/json-second-value-does-not-leak", test_http_json_second_value_does_not_leak);
  g_test_add_func ("/http/path-parameters-decoded-once", test_http_path_parameters_decoded_once);
  g_test_add_func ("/http/server-header-has-no-versions", test_http_server_header_has_no_versions);
  g_test_add_func ("/http/slow-and-idle-connections-are-closed", test_http_slow_and_idle_connections_are_closed);
  g_test_add_func ("/http/idle-keep-alive-connections-are-closed", test_http_idle_keep_alive_connections_are_closed);
  g_test_add_func ("/http/if-match-follows-rfc-9110", test_http_if_match_follows_rfc_9110);
  g_test_add_func ("/http/tls-serves-https", test_http_tls_serves_https);

  status = g_test_run ();
  hc_test_server_free (server);
  return status;
}
