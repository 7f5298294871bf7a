/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcEmbeddedServer: starts hncredit-server as a child on a free loopback
 * port with the user's own database, and makes sure it never outlives us. */
#define G_LOG_DOMAIN "hc-embedded-server"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>

#include "hc-embedded-server.h"

#define LISTENING_PREFIX "listening on "
#define STOP_TIMEOUT_MS  10000

struct _HcEmbeddedServer
{
  GObject           parent_instance;

  GSubprocess      *process;
  GDataInputStream *stdout_lines;
  GCancellable     *wait_cancellable;
  GPid              pid;
  guint             stopping : 1;
  guint             running : 1;
};

G_DEFINE_FINAL_TYPE (HcEmbeddedServer, hc_embedded_server, G_TYPE_OBJECT)

enum { PROP_0, PROP_RUNNING, N_PROPS };
enum { EXITED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static char *
data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "hncredit", NULL);
}

static char *
password_path (void)
{
  g_autofree char *dir = data_dir ();
  return g_build_filename (dir, "admin-password", NULL);
}

/**
 * hc_embedded_server_find_binary:
 * Returns: the hncredit-server to start: $HNCREDIT_SERVER_PATH, else the
 * one in the build tree when the app runs from there, else the installed one.
 */
char *
hc_embedded_server_find_binary (void)
{
  const char *env = g_getenv ("HNCREDIT_SERVER_PATH");
  const char *built = HC_BUILD_ROOT "/src/server/hncredit-server";

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  if (g_file_test (built, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (built);
  return g_strdup (HC_SERVER_INSTALLED);
}

static void
set_running (HcEmbeddedServer *self,
             gboolean          running)
{
  if (self->running == !!running)
    return;
  self->running = !!running;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
}

/* A password only this user can read: the embedded server's admin. */
static gboolean
ensure_password (GError **error)
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  g_autofree char *path = password_path ();
  char password[25];

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  for (guint i = 0; i < sizeof password - 1; i++)
    password[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  password[sizeof password - 1] = '\0';
  return g_file_set_contents_full (path, password, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

char *
hc_embedded_server_read_password (HcEmbeddedServer  *self,
                                  GError           **error)
{
  g_autofree char *path = password_path ();
  g_autofree char *contents = NULL;

  g_return_val_if_fail (HC_IS_EMBEDDED_SERVER (self), NULL);

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  g_strchomp (contents);
  return g_steal_pointer (&contents);
}

/* The child dies with us: SIGTERM when the thread that spawned it (the main
 * thread) ends, and --exit-on-stdin-eof when our end of its stdin closes. */
static void
child_setup (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcEmbeddedServer) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->stopping || (GSubprocess *) source != self->process)
    return;

  g_message ("The embedded server (pid %d) exited", (int) self->pid);
  g_clear_object (&self->stdout_lines);
  g_clear_object (&self->process);
  self->pid = 0;
  set_running (self, FALSE);
  g_signal_emit (self, signals [EXITED], 0);
}

static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HcEmbeddedServer *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (line == NULL || !g_str_has_prefix (line, LISTENING_PREFIX))
    {
      hc_embedded_server_stop (self);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The built-in server could not start. Its messages are in the terminal or system log."));
      return;
    }

  set_running (self, TRUE);
  g_task_return_pointer (task, g_strdup (line + strlen (LISTENING_PREFIX)), g_free);
}

void
hc_embedded_server_start_async (HcEmbeddedServer    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = data_dir ();
  g_autofree char *db = g_build_filename (dir, "hncredit.db", NULL);
  g_autofree char *password_file = password_path ();
  const char *identifier;

  g_return_if_fail (HC_IS_EMBEDDED_SERVER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_embedded_server_start_async);

  if (self->process != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The built-in server is already running."));
      return;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errsv),
                               _("Cannot create the data folder %s: %s"), dir, g_strerror (errsv));
      return;
    }
  if (!ensure_password (&error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_ptr_array_add (argv, hc_embedded_server_find_binary ());
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (db));
  g_ptr_array_add (argv, g_strdup ("--listen"));
  g_ptr_array_add (argv, g_strdup ("127.0.0.1:0"));
  g_ptr_array_add (argv, g_strdup ("--admin-password-file"));
  g_ptr_array_add (argv, g_strdup (password_file));
  g_ptr_array_add (argv, g_strdup ("--exit-on-stdin-eof"));
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    g_ptr_array_add (argv, g_strdup ("--seed-demo"));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  self->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  if (self->process == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The built-in server could not start: %s"), error->message);
      return;
    }
  identifier = g_subprocess_get_identifier (self->process);
  self->pid = identifier ? (GPid) atoi (identifier) : 0;
  self->stopping = FALSE;

  g_clear_object (&self->wait_cancellable);
  self->wait_cancellable = g_cancellable_new ();
  g_subprocess_wait_async (self->process, self->wait_cancellable, wait_cb, g_object_ref (self));

  self->stdout_lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  g_data_input_stream_read_line_async (self->stdout_lines, G_PRIORITY_DEFAULT, cancellable,
                                       read_line_cb, g_steal_pointer (&task));
}

/**
 * hc_embedded_server_start_finish:
 * Returns: the server's base URL, "http://127.0.0.1:PORT".
 */
char *
hc_embedded_server_start_finish (HcEmbeddedServer  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (HC_IS_EMBEDDED_SERVER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_embedded_server_start_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
stop_wait_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static gboolean
stop_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * hc_embedded_server_stop:
 * Asks the child to stop (SIGTERM, and its stdin closed) and waits for it
 * — at most 10 seconds, then it is killed — so that no server is left
 * holding the database when the app is gone.
 */
void
hc_embedded_server_stop (HcEmbeddedServer *self)
{
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GSource) timeout = NULL;
  gboolean done = FALSE, timed_out = FALSE;

  g_return_if_fail (HC_IS_EMBEDDED_SERVER (self));

  if (self->process == NULL)
    return;

  self->stopping = TRUE;
  g_cancellable_cancel (self->wait_cancellable);
  g_subprocess_send_signal (self->process, SIGTERM);
  g_output_stream_close (g_subprocess_get_stdin_pipe (self->process), NULL, NULL);

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  g_subprocess_wait_async (self->process, NULL, stop_wait_cb, &done);
  timeout = g_timeout_source_new (STOP_TIMEOUT_MS);
  g_source_set_callback (timeout, stop_timeout_cb, &timed_out, NULL);
  g_source_attach (timeout, context);
  while (!done && !timed_out)
    g_main_context_iteration (context, TRUE);
  if (!done)
    {
      g_warning ("The embedded server did not stop in time; killing it");
      g_subprocess_force_exit (self->process);
      while (!done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  g_clear_object (&self->stdout_lines);
  g_clear_object (&self->process);
  self->pid = 0;
  set_running (self, FALSE);
}

gboolean
hc_embedded_server_get_running (HcEmbeddedServer *self)
{
  g_return_val_if_fail (HC_IS_EMBEDDED_SERVER (self), FALSE);
  return self->running;
}

/* The child's pid while it runs, 0 otherwise (tests check it is gone). */
GPid
hc_embedded_server_get_pid (HcEmbeddedServer *self)
{
  g_return_val_if_fail (HC_IS_EMBEDDED_SERVER (self), 0);
  return self->pid;
}

static void
hc_embedded_server_dispose (GObject *object)
{
  HcEmbeddedServer *self = HC_EMBEDDED_SERVER (object);

  hc_embedded_server_stop (self);
  g_clear_object (&self->wait_cancellable);

  G_OBJECT_CLASS (hc_embedded_server_parent_class)->dispose (object);
}

static void
hc_embedded_server_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HcEmbeddedServer *self = HC_EMBEDDED_SERVER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, hc_embedded_server_get_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_embedded_server_class_init (HcEmbeddedServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_embedded_server_dispose;
  object_class->get_property = hc_embedded_server_get_property;

  properties [PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The child ended without being asked to: the window offers a restart. */
  signals [EXITED] =
    g_signal_new ("exited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hc_embedded_server_init (HcEmbeddedServer *self)
{
}

HcEmbeddedServer *
hc_embedded_server_new (void)
{
  return g_object_new (HC_TYPE_EMBEDDED_SERVER, NULL);
}
