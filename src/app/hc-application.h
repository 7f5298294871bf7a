/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcApplication: the org.hncredit.Console application. */
#pragma once

#include <adwaita.h>

#include "hc-embedded-server.h"

G_BEGIN_DECLS

#define HC_TYPE_APPLICATION (hc_application_get_type ())

G_DECLARE_FINAL_TYPE (HcApplication, hc_application, HC, APPLICATION, AdwApplication)

HcApplication    *hc_application_new                 (GApplicationFlags  flags);
HcEmbeddedServer *hc_application_get_embedded_server (HcApplication     *self);

G_END_DECLS
