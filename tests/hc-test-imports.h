/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the app's 归集 tests: a published catalog with a 行政处罚 item made
 * through the real server's API, and a department's CSV file to import. */
#pragma once

#include "hc-test-server.h"

G_BEGIN_DECLS

gint64  hc_test_imports_penalty_item (HcTestServer *server);
char   *hc_test_imports_write_csv    (const char   *dir,
                                      const char   *name,
                                      guint         n_good,
                                      GArray       *bad_rows);

G_END_DECLS
