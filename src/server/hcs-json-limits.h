/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Limits a JSON request body must keep before json-glib parses it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* json-glib's parser recurses once per level: a document nested deeper than
 * this is refused before it reaches the parser (no request needs more). */
#define HCS_JSON_MAX_DEPTH 64

/* What hcs_json_scan() found, the first in this order. */
typedef enum
{
  HCS_JSON_OK,
  HCS_JSON_TOO_DEEP,        /* nested deeper than allowed */
  HCS_JSON_SEVERAL_VALUES,  /* more than white space after the first value */
  HCS_JSON_NUL_ESCAPE,      /* a string holds \u0000 */
  HCS_JSON_WIDE_NUMBER,     /* a number json-glib would not read as written */
} HcsJsonScan;

HcsJsonScan hcs_json_scan (const char  *data,
                           gsize        len,
                           guint        max_depth,
                           char       **member);

G_END_DECLS
