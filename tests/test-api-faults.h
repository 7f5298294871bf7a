/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of test-api-faults share: its random numbers and the helpers more than one of
 * them calls. */
#pragma once

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include "hc-core.h"
#include "hc-test-server.h"

G_BEGIN_DECLS

extern GRand *prng;

guint faults_count_items      (HcTestServer *srv,
                               const char   *path);
void  faults_add_sqlite_test  (const char   *path,
                               GTestFunc     func,
                               const char   *pg_reason);

void  hc_test_faults_disk_add (void);

G_END_DECLS
