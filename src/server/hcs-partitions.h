/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PostgreSQL's month partitions kept ahead while the server runs
 * (hcs_store_keep_partitions()). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void          hcs_partitions_keep_ahead     (const char    *db_path);

G_END_DECLS
