/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient against the real server serving HTTPS with a self-signed
 * certificate: refused until its fingerprint is trusted, then accepted;
 * another certificate is refused as changed. */
#include "config.h"

#include <glib/gstdio.h>

#include "hc-test-client.h"

static char *
make_certificate (const char *dir,
                  const char *name,
                  char      **key_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cert_name = g_strconcat (name, ".pem", NULL);
  g_autofree char *key_name = g_strconcat (name, "-key.pem", NULL);
  char *cert = g_build_filename (dir, cert_name, NULL);
  char *key = g_build_filename (dir, key_name, NULL);
  const char *openssl[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                            "-keyout", key, "-out", cert, "-days", "2",
                            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", NULL };
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) openssl, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  *key_out = key;
  return cert;
}

static char *
fingerprint_of (const char *cert_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) cert = g_tls_certificate_new_from_file (cert_path, &error);

  g_assert_no_error (error);
  return hc_client_certificate_fingerprint (cert);
}

/* LeakSanitizer's tracer crashes in a process that has used
 * glib-networking's TLS (see test-api-http.c): servers here run without it. */
static HcTestServer *
tls_server (const char * const *args)
{
  g_autofree char *saved = g_strdup (g_getenv ("ASAN_OPTIONS"));
  g_autofree char *asan = g_strconcat (saved ? saved : "", saved ? ":" : "", "detect_leaks=0", NULL);
  HcTestServer *server;

  g_setenv ("ASAN_OPTIONS", asan, TRUE);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, args);
  if (saved != NULL)
    g_setenv ("ASAN_OPTIONS", saved, TRUE);
  else
    g_unsetenv ("ASAN_OPTIONS");
  return server;
}

static gboolean
sign_in (HcClient  *client,
         GError   **error)
{
  HcTestWait wait = { 0, };

  hc_client_sign_in_async (client, "admin", HC_TEST_PASSWORD, NULL, hc_test_wait_store, &wait);
  return hc_client_sign_in_finish (client, hc_test_wait_for (&wait), error);
}

static void
test_client_tls_pinning (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hncredit-tls-XXXXXX", &error);
  g_autofree char *key1 = NULL, *key2 = NULL;
  g_autofree char *cert1 = make_certificate (dir, "one", &key1);
  g_autofree char *cert2 = make_certificate (dir, "two", &key2);
  g_autofree char *fp1 = fingerprint_of (cert1);
  g_autofree char *fp2 = fingerprint_of (cert2);
  g_autofree char *listen = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(HcClient) client = NULL;
  g_autoptr(HcClient) later = NULL;

  {
    const char *args[] = { "--tls-cert", cert1, "--tls-key", key1, NULL };
    g_autoptr(HcTestServer) server = tls_server (args);

    url = g_strdup (hc_test_server_get_url (server));
    client = hc_client_new (url);
    /* not trusted: refused, the fingerprint kept for the user to see */
    g_assert_false (sign_in (client, &error));
    g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_TLS);
    g_assert_cmpstr (hc_client_error_get_code (error), ==, "untrusted_certificate");
    g_assert_cmpstr (hc_client_get_refused_certificate (client), ==, fp1);
    g_assert_false (hc_client_get_signed_in (client));
    g_clear_error (&error);
    /* and again (the user said no the first time) */
    g_assert_false (sign_in (client, &error));
    g_assert_cmpstr (hc_client_error_get_code (error), ==, "untrusted_certificate");
    g_clear_error (&error);

    /* trusted: accepted */
    hc_client_set_trusted_certificate (client, fp1);
    g_assert_true (sign_in (client, &error));
    g_assert_no_error (error);
    g_assert_true (hc_client_get_signed_in (client));
  }

  /* another certificate at the same address: refused as changed */
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  listen = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  {
    const char *args[] = { "--tls-cert", cert2, "--tls-key", key2, "--listen", listen, NULL };
    g_autoptr(HcTestServer) server = tls_server (args);

    g_assert_cmpstr (hc_test_server_get_url (server), ==, url);
    later = hc_client_new (url);
    hc_client_set_trusted_certificate (later, fp1);
    g_assert_false (sign_in (later, &error));
    g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_TLS);
    g_assert_cmpstr (hc_client_error_get_code (error), ==, "certificate_changed");
    g_assert_nonnull (strstr (error->message, fp2));
    g_assert_false (hc_client_get_signed_in (later));
  }

  g_remove (cert1);
  g_remove (cert2);
  g_remove (key1);
  g_remove (key2);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/client/tls-pinning", test_client_tls_pinning);
  return g_test_run ();
}
