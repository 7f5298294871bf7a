/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the 归集 tests: a published catalog with a 行政处罚 item made
 * through the real server's API, and a department's CSV file to import
 * (the app's tests); a catalog of every kind of item written straight into
 * the database, an import posted, a good 行政处罚 row (the API tests). */
#pragma once

#include "hc-test-server.h"

G_BEGIN_DECLS

/* The English header of a 行政处罚 CSV, in the columns' own order. */
#define HC_TEST_IMPORTS_HEADER "uscc,name,decision_no,authority,decided_on,category,amount,publicity_until\n"
#define HC_TEST_IMPORTS_XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* The items of hc_test_imports_seed_catalog(): 行政处罚 (legal persons),
 * 行政许可, 行政处罚 (natural persons), 告知承诺 and 登记注册. */
enum
{
  HC_TEST_IMPORTS_PENALTY_ITEM = 11,
  HC_TEST_IMPORTS_LICENSE_ITEM = 12,
  HC_TEST_IMPORTS_PERSON_ITEM = 13,
  HC_TEST_IMPORTS_COMMITMENT_ITEM = 14,
  HC_TEST_IMPORTS_REGISTRATION_ITEM = 15,
};

gint64  hc_test_imports_penalty_item (HcTestServer *server);
char   *hc_test_imports_write_csv    (const char   *dir,
                                      const char   *name,
                                      guint         n_good,
                                      GArray       *bad_rows);

void            hc_test_imports_seed_catalog (HcTestServer   *server);
HcTestResponse *hc_test_imports_post         (HcTestServer   *server,
                                              const char     *query,
                                              const char     *token,
                                              const char     *content_type,
                                              const char     *data,
                                              gsize           len);
void            hc_test_imports_good_row     (GString        *csv,
                                              GRand          *prng,
                                              const char     *tag,
                                              guint           i);
gint64          hc_test_imports_int          (HcTestResponse *r,
                                              const char     *member);
const char     *hc_test_imports_str          (HcTestResponse *r,
                                              const char     *member);

G_END_DECLS
