/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For client tests: waiting for an async call on the default main context,
 * and an HcClient signed in to a test server. */
#pragma once

#include "hc-client.h"
#include "hc-test-server.h"

G_BEGIN_DECLS

/* Where hc_test_wait_store() puts an async call's result. */
typedef struct
{
  GAsyncResult *result;
} HcTestWait;

void          hc_test_wait_store       (GObject      *source,
                                        GAsyncResult *result,
                                        gpointer      user_data);
GAsyncResult *hc_test_wait_for         (HcTestWait   *wait);
HcClient     *hc_test_signed_in_client (HcTestServer *server,
                                        const char   *username);

G_END_DECLS
