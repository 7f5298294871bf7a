/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Limits a JSON request body must keep before json-glib parses it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* json-glib's parser recurses once per level: a document nested deeper than
 * this is refused before it reaches the parser (no request needs more). */
#define HCS_JSON_MAX_DEPTH 64

gboolean hcs_json_depth_within (const char *data,
                                gsize       len,
                                guint       max_depth);

gboolean hcs_json_single_value   (const char  *data,
                                   gsize        len);
gboolean hcs_json_find_nul_escape (const char  *data,
                                   gsize        len,
                                   char       **member);
gboolean hcs_json_find_wide_number (const char  *data,
                                    gsize        len,
                                    char       **member);

G_END_DECLS
