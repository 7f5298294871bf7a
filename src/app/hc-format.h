/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates and counts as the user's language writes them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *hc_format_date  (GDateTime *date);
char *hc_format_count (gint64     count);

G_END_DECLS
