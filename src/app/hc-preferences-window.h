/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences: which server to use. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWindow *hc_preferences_window_new (GtkWindow *parent);

G_END_DECLS
