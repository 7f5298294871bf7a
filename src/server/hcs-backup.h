/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The subcommands `hncredit-server backup`, `restore` and `check`. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int  hcs_backup_main   (int    argc,
                        char  *argv[]);
int  hcs_restore_main  (int    argc,
                        char  *argv[]);
int  hcs_check_main    (int    argc,
                        char  *argv[]);

gboolean hcs_backup_hold_serving_lock (const char  *db_path,
                                       GError     **error);

G_END_DECLS
