/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo dataset (--seed-demo): deterministic, one seeder per family. */
#pragma once

#include "hcs-store.h"

G_BEGIN_DECLS

/* Every seeder draws from the same GRand, seeded with a constant, and runs in
 * the one transaction hcs_demo_seed() holds, in the order listed there. */
typedef gboolean (*HcsDemoSeeder) (HcsStore  *store,
                                   GRand     *rand,
                                   GError   **error);

gboolean hcs_demo_seed              (HcsStore    *store,
                                     const char  *password,
                                     guint        scale,
                                     GError     **error);
guint    hcs_demo_get_scale         (void);

gboolean hcs_demo_seed_departments  (HcsStore *store, GRand *rand, GError **error);
gboolean hcs_demo_seed_indicators   (HcsStore *store, GRand *rand, GError **error);
gboolean hcs_demo_seed_catalog      (HcsStore *store, GRand *rand, GError **error);
gboolean hcs_demo_seed_risk         (HcsStore *store, GRand *rand, GError **error);
gboolean hcs_demo_seed_risk_rules   (HcsStore *store, GRand *rand, GError **error);
gboolean hcs_demo_seed_lists        (HcsStore *store, GRand *rand, GError **error);
gboolean hcs_demo_seed_repairs      (HcsStore *store, GRand *rand, GError **error);
gboolean hcs_demo_seed_imports      (HcsStore *store, GRand *rand, GError **error);
gboolean hcs_demo_seed_records      (HcsStore *store, GRand *rand, GError **error);
gboolean hcs_demo_seed_subjects     (HcsStore *store, GRand *rand, GError **error);
gboolean hcs_demo_seed_inspections  (HcsStore *store, GRand *rand, const char *password, GError **error);

G_END_DECLS
