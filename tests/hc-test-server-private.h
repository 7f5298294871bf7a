/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by hc-test-server.c and the files split out of it. */
#pragma once

#include "hc-test-server.h"

G_BEGIN_DECLS

char           *hc_test_server_path         (void);
char           *hc_test_pg_create_database  (void);

G_END_DECLS
