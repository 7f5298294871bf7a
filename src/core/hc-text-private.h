/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text helpers shared by the identifier validators. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *hc_text_normalize_code (const char *input);

G_END_DECLS
