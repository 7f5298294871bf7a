/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The subcommand `hncredit-server migrate` (SQLite to PostgreSQL). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int  hcs_pg_migrate_main  (int    argc,
                           char  *argv[]);

G_END_DECLS
