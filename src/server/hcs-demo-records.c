/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data for the 信用档案: penalties, licences and commitments of the
 * listed companies and of some others, so that every section of a credit
 * file and of a credit report has something to show. */
#define G_LOG_DOMAIN "hcs-demo-records"

#include "config.h"

#include "hcs-demo.h"
#include "hcs-list-rules.h"
#include "hcs-store-records.h"

gboolean
hcs_demo_seed_records (HcsStore  *store,
                       GRand     *rand,
                       GError   **error)
{
  g_autofree char *today = hcs_date_today ();

  return hcs_store_records_seed_demo (store, today, error);
}
