/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hncredit-server: the entry point, its options and its life cycle. */
#define G_LOG_DOMAIN "hncredit-server"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "hcs-auth.h"
#include "hcs-backup.h"
#include "hcs-demo.h"
#include "hcs-holidays.h"
#include "hcs-import.h"
#include "hcs-partitions.h"
#include "hcs-pg-functions.h"
#include "hcs-pg-migrate.h"
#include "hcs-request.h"
#include "hcs-server.h"
#include "hcs-throttle.h"
#include "hcs-store-pg.h"
#include "hcs-store-users.h"

typedef struct
{
  char     *db_path;
  char     *db_read;
  char     *listen;
  char     *admin_password_file;
  gboolean  seed_demo;
  int       demo_scale;
  gboolean  exit_on_stdin_eof;
  gboolean  list_routes;
  gboolean  version;
  int       threads;
  int       person_lookups;
  int       token_lifetime;
  int       idle_timeout;
  int       request_timeout;
  char     *sync;
  char     *tls_cert;
  char     *tls_key;
  char     *holidays;
  char    **trusted_proxies;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->db_path);
  g_free (o->db_read);
  g_free (o->listen);
  g_free (o->admin_password_file);
  g_free (o->sync);
  g_free (o->tls_cert);
  g_free (o->tls_key);
  g_free (o->holidays);
  g_strfreev (o->trusted_proxies);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse_listen (const char  *listen,
              char       **host,
              guint16     *port,
              GError     **error)
{
  const char *colon = strrchr (listen, ':');
  guint64 p;

  if (colon == NULL ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &p, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--listen takes HOST:PORT, e.g. 127.0.0.1:8080 (port 0 picks a free one)"));
      return FALSE;
    }
  *host = g_strndup (listen, colon - listen);
  if ((*host)[0] == '[')
    {
      char *inner = g_strndup (*host + 1, strlen (*host) - 2);

      g_free (*host);
      *host = inner;
    }
  *port = (guint16) p;
  return TRUE;
}

/* The first administrator's password: from a file or the environment, never
 * a built-in default. */
static char *
read_admin_password (const Options  *o,
                     GError        **error)
{
  const char *env = g_getenv ("HNCREDIT_ADMIN_PASSWORD");
  char *password = NULL;

  if (o->admin_password_file != NULL)
    {
      if (!g_file_get_contents (o->admin_password_file, &password, NULL, error))
        return NULL;
      g_strchomp (password);
    }
  else if (env != NULL && *env != '\0')
    password = g_strdup (env);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("This is a new database: give the first administrator’s password with "
                     "--admin-password-file FILE or HNCREDIT_ADMIN_PASSWORD."));
      return NULL;
    }
  return password;
}

static gboolean
bootstrap (HcsStore       *store,
           const Options  *o,
           GError        **error)
{
  g_autofree char *password = NULL;
  g_autofree char *hash = NULL;
  const char *reason = NULL;
  gint64 n_users;

  if (!hcs_store_migrate (store, error))
    return FALSE;
  n_users = hcs_store_users_count (store, error);
  if (n_users < 0)
    return FALSE;
  if (n_users > 0 && !o->seed_demo)
    return TRUE;

  password = read_admin_password (o, error);
  if (password == NULL)
    return FALSE;
  if (n_users == 0)
    {
      if (!hcs_auth_password_is_acceptable (password, &reason))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s", reason);
          return FALSE;
        }
      g_autoptr(GError) insert_error = NULL;

      hash = hcs_auth_hash_password (password, error);
      if (hash == NULL)
        return FALSE;
      if (hcs_store_users_insert (store, "admin", _("Administrator"), HC_ROLE_ADMIN, hash, 0, &insert_error) == 0)
        {
          /* Several servers started at once on one new PostgreSQL database
           * (hncredit-server@ instances): another one made the first
           * administrator while this one hashed the password. */
          if (!o->seed_demo && g_error_matches (insert_error, HCS_STORE_ERROR, HCS_STORE_ERROR_DUPLICATE))
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&insert_error));
          return FALSE;
        }
    }
  if (o->seed_demo)
    return hcs_demo_seed (store, password, (guint) MAX (o->demo_scale, 1), error);
  return TRUE;
}

static gboolean
on_signal (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* The parent holds the other end of our stdin: when it goes away (even by a
 * crash) we read EOF and stop, so no orphaned server holds the database. */
static gboolean
on_stdin (int          fd,
          GIOCondition condition,
          gpointer     data)
{
  char buf[256];
  ssize_t n = read (fd, buf, sizeof buf);

  if (n > 0)
    return G_SOURCE_CONTINUE;
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
print_routes (void)
{
  g_autoptr(HcsRouter) router = hcs_routes_new_router ();

  for (guint i = 0; i < hcs_router_get_n (router); i++)
    {
      const HcsRoute *r = hcs_router_get (router, i);

      g_print ("%s /api/v1%s\n", r->method, r->pattern);
    }
}

/* ---- hncredit-server import ---------------------------------------- */

static void
on_import_progress (guint64  done,
                    guint64  total,
                    gint64   rows,
                    gpointer data)
{
  const int width = 30;
  int filled = total > 0 ? (int) (width * done / total) : width;
  char bar[31];

  memset (bar, '#', filled);
  memset (bar + filled, '.', width - filled);
  bar[width] = '\0';
  g_printerr ("\r[%s] %3d%%  %" G_GINT64_FORMAT " %s", bar,
              total > 0 ? (int) (100 * done / total) : 100, rows, _("rows"));
}

/* `hncredit-server import --db PATH --item ID [--kind K] [--encoding E]
 * [--actor NAME] [--force] FILE`: the same hcs_import_run as POST /imports. */
static int
run_import (int   argc,
            char *argv[])
{
  g_autofree char *db_path = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *actor_name = NULL;
  gint64 item = 0;
  gboolean force = FALSE;
  gboolean require_subject = FALSE;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The SQLite database"), N_("PATH") },
    { "item", 0, 0, G_OPTION_ARG_INT64, &item, N_("The catalog item the records belong to"), N_("ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("penalty (default), license or commitment"), N_("KIND") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("utf-8 or gb18030 (default: detect)"), N_("ENCODING") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &actor_name, N_("Who imports, for the record (default: the login name)"), N_("NAME") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Import a file that was imported before again"), NULL },
    { "require-subject", 0, 0, G_OPTION_ARG_NONE, &require_subject, N_("Reject rows whose subject is not registered"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — import a CSV or XLSX file of credit records"));
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsStore) store = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autofree char *base = NULL;
  g_auto(HcsImportFailure) failure = { 0, };
  HcsImportOptions options = { 0, };
  HcsActor actor = { 0, };
  gboolean tty = isatty (STDERR_FILENO);
  JsonArray *rejections;
  JsonObject *reasons;
  g_autoptr(GList) names = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("hncredit-server import: %s\n", error->message);
      return 2;
    }
  if (db_path == NULL || item <= 0 || files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("hncredit-server import: %s\n", _("give --db PATH, --item ID and one FILE"));
      return 2;
    }
  mapped = g_mapped_file_new (files[0], FALSE, &error);
  if (mapped == NULL)
    {
      g_printerr ("hncredit-server import: %s\n", error->message);
      return 1;
    }
  store = hcs_store_open (db_path, &error);
  if (store == NULL || !hcs_store_migrate (store, &error))
    {
      g_printerr ("hncredit-server import: %s\n", error->message);
      return 1;
    }

  actor.username = actor_name ? actor_name : (char *) g_get_user_name ();
  actor.role = HC_ROLE_ADMIN;
  base = g_path_get_basename (files[0]);
  options.kind = kind;
  options.item_id = item;
  options.encoding = encoding;
  options.file_name = base;
  options.force = force;
  options.require_subject = require_subject;
  options.actor = &actor;
  if (tty)
    options.progress = on_import_progress;

  answer = hcs_import_run (store, &options, g_mapped_file_get_contents (mapped) ? g_mapped_file_get_contents (mapped) : "",
                           g_mapped_file_get_length (mapped), &failure, &error);
  if (tty)
    g_printerr ("\n");
  if (answer == NULL)
    {
      if (failure.earlier_import_id > 0)
        g_printerr ("hncredit-server import: %s (--force %s)\n", error->message, _("imports it again"));
      else
        g_printerr ("hncredit-server import: %s\n", error->message);
      return 1;
    }

  g_print (_("import %lld: %lld rows read, %lld accepted, %lld rejected in %lld ms\n"),
           (long long) json_object_get_int_member (answer, "import_id"),
           (long long) json_object_get_int_member (answer, "rows_read"),
           (long long) json_object_get_int_member (answer, "accepted"),
           (long long) json_object_get_int_member (answer, "rejected"),
           (long long) json_object_get_int_member (answer, "duration_ms"));
  reasons = json_object_get_object_member (answer, "reasons");
  names = json_object_get_members (reasons);
  for (GList *m = names; m; m = m->next)
    g_print ("  %s: %" G_GINT64_FORMAT "\n", (const char *) m->data, json_object_get_int_member (reasons, m->data));
  rejections = json_object_get_array_member (answer, "rejections");
  for (guint i = 0; i < MIN (json_array_get_length (rejections), 20); i++)
    {
      JsonObject *r = json_array_get_object_element (rejections, i);

      g_print ("  %s %" G_GINT64_FORMAT " %s %s: %s\n", C_("import rejection", "row"), json_object_get_int_member (r, "row"),
               json_object_get_string_member (r, "field"), json_object_get_string_member (r, "code"),
               json_object_get_string_member (r, "message"));
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Options) o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsStore) store = NULL;
  g_autoptr(HcsServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *host = NULL;
  guint16 port = 0;
  HcsServerOptions server_options = { 0 };
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &o.db_path, N_("The SQLite database (created when missing), or a postgresql:// URI"), N_("PATH") },
    { "db-read", 0, 0, G_OPTION_ARG_STRING, &o.db_read, N_("A PostgreSQL replica of --db for reads (a postgresql:// URI): a client’s own writes are read from the primary until the replica has them"), N_("URI") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &o.listen, N_("Address to listen on (default 127.0.0.1:8080; port 0 picks a free one)"), N_("HOST:PORT") },
    { "seed-demo", 0, 0, G_OPTION_ARG_NONE, &o.seed_demo, N_("Fill a new database with the demo dataset"), NULL },
    { "demo-scale", 0, 0, G_OPTION_ARG_INT, &o.demo_scale, N_("Multiply the demo dataset’s size (for benchmarks)"), N_("N") },
    { "admin-password-file", 0, 0, G_OPTION_ARG_FILENAME, &o.admin_password_file, N_("The first administrator’s password, for a new database"), N_("FILE") },
    { "exit-on-stdin-eof", 0, 0, G_OPTION_ARG_NONE, &o.exit_on_stdin_eof, N_("Stop when standard input closes (for a parent process)"), NULL },
    { "threads", 0, 0, G_OPTION_ARG_INT, &o.threads, N_("Number of worker threads (default: one per processor)"), N_("N") },
    { "person-lookups", 0, 0, G_OPTION_ARG_INT, &o.person_lookups, N_("Distinct ID numbers a user who may not see them can look up an hour (default 20)"), N_("N") },
    { "token-lifetime", 0, 0, G_OPTION_ARG_INT, &o.token_lifetime, N_("Lifetime of a session token in seconds (default 28800; 0 ends a session as soon as it starts, for tests)"), N_("SECONDS") },
    /* The option's first name, kept for scripts that use it. */
    { "token-ttl", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &o.token_lifetime, NULL, NULL },
    { "idle-timeout", 0, 0, G_OPTION_ARG_INT, &o.idle_timeout, N_("Close a connection silent for this long (default 60)"), N_("SECONDS") },
    { "request-timeout", 0, 0, G_OPTION_ARG_INT, &o.request_timeout, N_("Time for a request’s headers, and for each 4 KiB of its body (default 30)"), N_("SECONDS") },
    { "sync", 0, 0, G_OPTION_ARG_STRING, &o.sync, N_("full (default): a write is on disk when answered; normal: faster, the last writes can be lost on power loss"), N_("MODE") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &o.tls_cert, N_("Serve HTTPS with this certificate (PEM; with --tls-key)"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &o.tls_key, N_("The private key of --tls-cert (PEM)"), N_("FILE") },
    { "trusted-proxy", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.trusted_proxies, N_("Believe X-Forwarded-For in requests from this address, a load balancer such as nginx (repeat for several): sign-in throttling and the audit then see the client’s address"), N_("ADDRESS") },
    { "holidays", 0, 0, G_OPTION_ARG_FILENAME, &o.holidays, N_("The holiday calendar legal deadlines count working days by (default: the installed holidays-cn.json; “none”: calendar days)"), N_("FILE") },
    { "list-routes", 0, 0, G_OPTION_ARG_NONE, &o.list_routes, N_("Print the API routes and exit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o.version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  o.token_lifetime = -1;   /* not given: the default */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HNCREDIT_LOCALEDIR") ? g_getenv ("HNCREDIT_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && g_str_equal (argv[1], "import"))
    return run_import (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "backup"))
    return hcs_backup_main (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "restore"))
    return hcs_restore_main (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "check"))
    return hcs_check_main (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "migrate"))
    return hcs_pg_migrate_main (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "pg-functions"))
    return hcs_pg_functions_main (argc - 1, argv + 1);

  /* A file-size limit (ulimit -f) reached makes write() fail with EFBIG,
   * which SQLite reports like a full disk (503 storage_unavailable),
   * instead of killing the server. */
  signal (SIGXFSZ, SIG_IGN);

  context = g_option_context_new (_("— the hncredit API server"));
  g_option_context_set_description (context,
    _("Other commands (each with --help):\n"
      "  hncredit-server import --db PATH --item ID FILE   import a CSV or XLSX file of credit records\n"
      "  hncredit-server backup --db PATH OUT              copy the database while the server runs\n"
      "  hncredit-server restore --db PATH BACKUP          replace the database by a backup (server stopped)\n"
      "  hncredit-server check --db PATH                   check the database’s integrity\n"
      "  hncredit-server migrate --from PATH --to postgresql://…   copy the database into PostgreSQL\n"
      "  hncredit-server pg-functions --db postgresql://… [--drop-unused]   the versions’ function sets"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("hncredit-server: %s\n", error->message);
      return 2;
    }
  if (o.version)
    {
      g_print ("hncredit-server %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (o.list_routes)
    {
      print_routes ();
      return 0;
    }
  if (o.db_path == NULL)
    {
      g_printerr ("hncredit-server: %s\n", _("--db PATH is required"));
      return 2;
    }
  if (o.db_read != NULL && (!hcs_pg_is_uri (o.db_read) || !hcs_pg_is_uri (o.db_path)))
    {
      g_printerr ("hncredit-server: %s\n",
                  _("--db-read takes a postgresql:// URI of a replica, and needs --db postgresql://… (a SQLite "
                    "database has no replica)"));
      return 2;
    }
  if (!parse_listen (o.listen ? o.listen : "127.0.0.1:8080", &host, &port, &error))
    {
      g_printerr ("hncredit-server: %s\n", error->message);
      return 2;
    }
  if (o.sync != NULL && !g_str_equal (o.sync, "full") && !g_str_equal (o.sync, "normal"))
    {
      g_printerr ("hncredit-server: %s\n", _("--sync takes full or normal"));
      return 2;
    }
  if (o.idle_timeout < 0 || o.request_timeout < 0)
    {
      g_printerr ("hncredit-server: %s\n", _("Timeouts are a number of seconds, at least 1"));
      return 2;
    }
  if (!hcs_request_set_trusted_proxies ((const char *const *) o.trusted_proxies, &error))
    {
      g_printerr ("hncredit-server: %s\n", error->message);
      return 2;
    }

  /* The holiday calendar: a file named but missing or wrong stops the
   * start, rather than deadlines silently counted another way. */
  if (g_strcmp0 (o.holidays, "none") != 0)
    {
      g_autofree char *path = o.holidays ? g_strdup (o.holidays) : hcs_holidays_default_path ();
      HcsHolidays *holidays = hcs_holidays_load (path, &error);

      if (holidays == NULL)
        {
          g_printerr ("hncredit-server: %s\n", error->message);
          g_printerr ("hncredit-server: %s\n", _("Name a valid calendar with --holidays=FILE, or give --holidays=none to count deadlines in calendar days."));
          return 2;
        }
      hcs_holidays_set_default (holidays);
    }

  store = hcs_store_open (o.db_path, &error);
  /* the lock against an offline restore is of a file: PostgreSQL has none */
  if (store == NULL || (!hcs_pg_is_uri (o.db_path) && !hcs_backup_hold_serving_lock (o.db_path, &error))
      || !bootstrap (store, &o, &error))
    {
      g_printerr ("hncredit-server: %s\n", error->message);
      return 1;
    }
  /* PostgreSQL: this month's partitions and the next ones before the first
   * request; a failure leaves rows to the DEFAULT partitions until the next
   * try (hcs_partitions_keep_ahead()), it does not stop the start */
  if (!hcs_store_keep_partitions (store, &error))
    {
      g_warning ("the month partitions were not kept ahead (tried again later): %s", error->message);
      g_clear_error (&error);
    }
  g_clear_pointer (&store, hcs_store_free);

  server_options.db_path = o.db_path;
  server_options.db_read_path = o.db_read;
  server_options.host = host;
  server_options.port = port;
  server_options.n_workers = (guint) CLAMP (o.threads, 0, 64);
  if (o.person_lookups > 0)
    hcs_throttle_set_person_lookups ((guint) o.person_lookups);
  server_options.token_ttl = o.token_lifetime;
  server_options.idle_timeout = (guint) o.idle_timeout;
  server_options.request_timeout = (guint) o.request_timeout;
  server_options.sync = g_strcmp0 (o.sync, "normal") == 0 ? HCS_STORE_SYNC_NORMAL : HCS_STORE_SYNC_FULL;
  server_options.tls_cert_file = o.tls_cert;
  server_options.tls_key_file = o.tls_key;
  server = hcs_server_new (&server_options, &error);
  if (server == NULL || !hcs_server_start (server, &error))
    {
      g_printerr ("hncredit-server: %s\n", error->message);
      return 1;
    }

  loop = g_main_loop_new (NULL, FALSE);
  hcs_partitions_keep_ahead (o.db_path);
  g_unix_signal_add (SIGTERM, on_signal, loop);
  g_unix_signal_add (SIGINT, on_signal, loop);
  if (o.exit_on_stdin_eof)
    g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, on_stdin, loop);

  if (strchr (host, ':') != NULL)
    g_print ("listening on %s://[%s]:%u\n", hcs_server_is_https (server) ? "https" : "http",
             host, hcs_server_get_port (server));
  else
    g_print ("listening on %s://%s:%u\n", hcs_server_is_https (server) ? "https" : "http",
             host, hcs_server_get_port (server));
  fflush (stdout);

  g_main_loop_run (loop);
  hcs_server_stop (server);
  return 0;
}
