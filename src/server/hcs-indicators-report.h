/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The year's Table 1 (表1) as a PDF, through the server's one renderer. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

GBytes *hcs_indicators_report_render (JsonArray   *items,
                                      int          year,
                                      const char  *issued_by,
                                      const char  *issued_at,
                                      guint       *n_pages,
                                      GError     **error);

G_END_DECLS
