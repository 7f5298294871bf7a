/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A database's copy while it serves (SQLite's online backup), and its
 * integrity check. */
#pragma once

#include "hcs-store.h"

G_BEGIN_DECLS

gboolean      hcs_store_copy_to             (HcsStore      *self,
                                             const char    *out_path,
                                             GError       **error);
gboolean      hcs_store_copy_from           (HcsStore      *self,
                                             HcsStore      *source,
                                             GError       **error);
char         *hcs_store_integrity_check     (HcsStore      *self,
                                             GError       **error);
char         *hcs_store_summary             (HcsStore      *self,
                                             GError       **error);

G_END_DECLS
