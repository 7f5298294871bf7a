/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The subcommand `hncredit-server pg-functions` (the per-version sets of
 * the translation's functions on PostgreSQL). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int  hcs_pg_functions_main  (int    argc,
                             char  *argv[]);

G_END_DECLS
