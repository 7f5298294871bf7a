/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app against the real server serving HTTPS (--tls-cert/--tls-key) with
 * a self-signed certificate made here: the certificate's fingerprint is
 * shown once and nothing is sent until the user trusts it; the app then
 * remembers it; another certificate at the same address is refused. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hc-client.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

typedef struct
{
  char *dir;
  char *cert[2];
  char *key[2];
  char *fingerprint[2];
  char *url;
  char *seen_message;
} Fixture;

static void
make_certificate (Fixture *f,
                  guint    i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) cert = NULL;
  g_autofree char *cert_name = g_strdup_printf ("cert%u.pem", i);
  g_autofree char *key_name = g_strdup_printf ("key%u.pem", i);
  int wait_status = 0;

  f->cert[i] = g_build_filename (f->dir, cert_name, NULL);
  f->key[i] = g_build_filename (f->dir, key_name, NULL);
  {
    const char *openssl[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                              "-keyout", f->key[i], "-out", f->cert[i], "-days", "2",
                              "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", NULL };

    g_spawn_sync (NULL, (char **) openssl, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                  G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &wait_status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  }
  cert = g_tls_certificate_new_from_file (f->cert[i], &error);
  g_assert_no_error (error);
  f->fingerprint[i] = hc_client_certificate_fingerprint (cert);
  /* the form `openssl x509 -fingerprint -sha256` prints: 32 bytes */
  g_assert_cmpuint (strlen (f->fingerprint[i]), ==, 32 * 3 - 1);
}

static HcTestServer *
https_server (Fixture    *f,
              guint       i,
              const char *listen)
{
  const char *args[] = { "--tls-cert", f->cert[i], "--tls-key", f->key[i],
                         listen ? "--listen" : NULL, listen, NULL };

  return hc_test_server_new (HC_TEST_SERVER_EMPTY, args);
}

static gboolean
dialog_shown (gpointer data)
{
  return hc_ui_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
sign_in_refused (gpointer data)
{
  HcSignInPage *page = data;

  return !hc_sign_in_page_get_busy (page) && hc_sign_in_page_get_error_text (page) != NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return hc_ui_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Clicks the dialog's button labelled @label (untranslated), as a user
 * does: the dialog answers and closes. */
static void
click (AdwMessageDialog *dialog,
       const char       *label)
{
  const char *translated = g_dgettext (GETTEXT_PACKAGE, label);

  for (guint i = 0;; i++)
    {
      guint nth = i;
      GtkWidget *button = hc_ui_find_nth (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, &nth);

      if (button == NULL)
        g_error ("the dialog has no button %s", translated);
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), translated) == 0)
        {
          g_signal_emit_by_name (button, "clicked");
          break;
        }
    }
  hc_ui_wait_until ("the dialog closed", no_dialog, NULL);
}

/* The console, or the sign-in page saying why not. */
static gboolean
console_or_refusal (gpointer data)
{
  HcWindow *window = data;

  return hc_ui_console_shown (window) ||
         sign_in_refused (hc_window_get_sign_in_page (window));
}

static char *
trusted_for (const char *url)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) trusted = g_settings_get_value (settings, "trusted-certificates");
  char *fingerprint = NULL;

  g_variant_lookup (trusted, url, "s", &fingerprint);
  return fingerprint;
}

/* First contact: the dialog shows the fingerprint; Cancel sends nothing
 * and trusts nothing; the second time, 信任 signs in and is remembered. */
static void
first_contact (HcApplication *app,
               HcWindow      *window,
               gpointer       data)
{
  Fixture *f = data;
  HcSignInPage *page = hc_window_get_sign_in_page (window);
  HcClient *client = hc_window_get_client (window);
  AdwMessageDialog *dialog;
  g_autoptr(GdkTexture) shot = NULL;

  hc_ui_wait_until ("the sign-in page", hc_ui_sign_in_shown, window);
  hc_sign_in_page_set_credentials (page, "admin", HC_TEST_PASSWORD);
  hc_sign_in_page_submit (page);
  hc_ui_wait_until ("the certificate dialog", dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (hc_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), f->fingerprint[0]));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), f->url));
  /* in Chinese */
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "证书"));
  shot = hc_ui_take_shot (GTK_WIDGET (dialog), "tls-certificate");
  g_assert_false (hc_ui_texture_is_blank (shot));

  click (dialog, "_Cancel");
  hc_ui_wait_until ("the refusal said", sign_in_refused, page);
  g_assert_false (hc_client_get_signed_in (client));
  g_assert_null (trusted_for (f->url));
  g_assert_cmpstr (hc_window_get_page (window), ==, "sign-in");
  g_assert_nonnull (strstr (hc_sign_in_page_get_error_text (page), "指纹"));

  hc_sign_in_page_submit (page);
  hc_ui_wait_until ("the certificate dialog again", dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (hc_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  click (dialog, "_Trust and Sign In");
  hc_ui_wait_until ("the console after trusting", console_or_refusal, window);
  g_assert_cmpstr (hc_sign_in_page_get_error_text (page), ==, NULL);
  g_assert_true (hc_client_get_signed_in (client));
  {
    g_autofree char *trusted = trusted_for (f->url);

    g_assert_cmpstr (trusted, ==, f->fingerprint[0]);
  }
  hc_ui_wait_pane_loaded (window, "overview");
}

/* The next start: the remembered certificate is taken without asking. */
static void
remembered (HcApplication *app,
            HcWindow      *window,
            gpointer       data)
{
  HcSignInPage *page = hc_window_get_sign_in_page (window);

  hc_ui_wait_until ("the sign-in page", hc_ui_sign_in_shown, window);
  hc_sign_in_page_set_credentials (page, "admin", HC_TEST_PASSWORD);
  hc_sign_in_page_submit (page);
  hc_ui_wait_until ("the console with the remembered certificate", console_or_refusal, window);
  g_assert_cmpstr (hc_sign_in_page_get_error_text (page), ==, NULL);
  g_assert_null (hc_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  hc_ui_wait_pane_loaded (window, "overview");
}

/* Another certificate at the same address: refused, said, not offered. */
static void
changed (HcApplication *app,
         HcWindow      *window,
         gpointer       data)
{
  Fixture *f = data;
  HcSignInPage *page = hc_window_get_sign_in_page (window);
  g_autoptr(GdkTexture) shot = NULL;

  hc_ui_wait_until ("the sign-in page", hc_ui_sign_in_shown, window);
  hc_sign_in_page_set_credentials (page, "admin", HC_TEST_PASSWORD);
  hc_sign_in_page_submit (page);
  hc_ui_wait_until ("the refusal of a changed certificate", sign_in_refused, page);
  g_assert_null (hc_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (hc_client_get_signed_in (hc_window_get_client (window)));
  g_assert_cmpstr (hc_window_get_page (window), ==, "sign-in");
  g_assert_nonnull (strstr (hc_sign_in_page_get_error_text (page), f->fingerprint[1]));
  g_assert_nonnull (strstr (hc_sign_in_page_get_error_text (page), "证书"));
  {
    g_autofree char *trusted = trusted_for (f->url);

    g_assert_cmpstr (trusted, ==, f->fingerprint[0]);
  }
  shot = hc_ui_take_shot (GTK_WIDGET (window), "tls-certificate-changed");
}

static void
test_tls_trust_on_first_use (void)
{
  Fixture f = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(HcTestServer) first = NULL;
  g_autoptr(HcTestServer) second = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *listen = NULL;

  f.dir = g_dir_make_tmp ("hncredit-tls-XXXXXX", &error);
  g_assert_no_error (error);
  make_certificate (&f, 0);
  make_certificate (&f, 1);
  g_assert_cmpstr (f.fingerprint[0], !=, f.fingerprint[1]);

  first = https_server (&f, 0, NULL);
  f.url = g_strdup (hc_test_server_get_url (first));
  g_assert_true (g_str_has_prefix (f.url, "https://"));
  {
    const char *args[] = { "--server", f.url, NULL };

    g_assert_cmpint (hc_ui_run_app (args, first_contact, &f), ==, 0);
    g_assert_cmpint (hc_ui_run_app (args, remembered, &f), ==, 0);
  }

  /* The same address, another certificate. */
  uri = g_uri_parse (f.url, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  listen = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  hc_test_server_free (g_steal_pointer (&first));
  second = https_server (&f, 1, listen);
  g_assert_cmpstr (hc_test_server_get_url (second), ==, f.url);
  {
    const char *args[] = { "--server", f.url, NULL };

    g_assert_cmpint (hc_ui_run_app (args, changed, &f), ==, 0);
  }
  hc_test_server_free (g_steal_pointer (&second));

  for (guint i = 0; i < 2; i++)
    {
      g_remove (f.cert[i]);
      g_remove (f.key[i]);
      g_free (f.cert[i]);
      g_free (f.key[i]);
      g_free (f.fingerprint[i]);
    }
  g_rmdir (f.dir);
  g_free (f.dir);
  g_free (f.url);
}

int
main (int   argc,
      char *argv[])
{
  hc_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/tls/trust-on-first-use", test_tls_trust_on_first_use);
  return hc_ui_test_finish (g_test_run ());
}
