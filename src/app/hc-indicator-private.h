/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The indicator items made from the server's JSON: for hc-client-indicators.c only. */
#pragma once

#include <json-glib/json-glib.h>

#include "hc-indicator-detail.h"
#include "hc-indicator-row.h"

G_BEGIN_DECLS

HcIndicatorRow    *hc_indicator_row_new_from_json    (JsonObject *obj);
HcIndicatorDetail *hc_indicator_detail_new_from_json (JsonObject *obj);

G_END_DECLS
