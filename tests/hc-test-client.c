/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For client tests: waiting for an async call on the default main context,
 * and an HcClient signed in to a test server. */
#define G_LOG_DOMAIN "hc-test-client"

#include "config.h"

#include "hc-test-client.h"

/* An async callback: keeps the result in the HcTestWait @user_data. */
void
hc_test_wait_store (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  HcTestWait *wait = user_data;

  g_assert_null (wait->result);
  wait->result = g_object_ref (result);
}

/**
 * hc_test_wait_for:
 *
 * Iterates the default main context until the call started with
 * hc_test_wait_store() and @wait has answered. A result of an earlier call
 * is dropped first, so one HcTestWait serves several calls in turn.
 *
 * Returns: (transfer none): the result, owned by @wait until the next call
 *   or g_clear_object (&wait->result)
 */
GAsyncResult *
hc_test_wait_for (HcTestWait *wait)
{
  /* A callback runs only from the main context, so nothing of the call
   * just started can be here yet. */
  g_clear_object (&wait->result);
  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return wait->result;
}

/* Returns: (transfer full): a client of @server signed in as @username
 * (with HC_TEST_PASSWORD); fails the test otherwise. */
HcClient *
hc_test_signed_in_client (HcTestServer *server,
                          const char   *username)
{
  HcClient *client = hc_client_new (hc_test_server_get_url (server));
  g_autoptr(GError) error = NULL;
  HcTestWait wait = { NULL };

  hc_client_sign_in_async (client, username, HC_TEST_PASSWORD, NULL, hc_test_wait_store, &wait);
  g_assert_true (hc_client_sign_in_finish (client, hc_test_wait_for (&wait), &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  return client;
}
