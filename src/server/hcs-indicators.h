/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan's indicators (表1) as the server answers them: the table from
 * data/indicators.json, values reported or computed from the data held, and
 * the core's judgement of each year against the target. */
#pragma once

#include <json-glib/json-glib.h>

#include "hc-indicator.h"
#include "hcs-store.h"

G_BEGIN_DECLS

HcIndicatorSet *hcs_indicators_get_set       (void);
int             hcs_indicators_current_year  (void);
gboolean        hcs_indicators_is_computed   (const HcIndicator  *ind);
const char     *hcs_indicators_records_kind  (const HcIndicator  *ind);
int             hcs_indicators_first_year    (const HcIndicator  *ind);
gboolean        hcs_indicators_year_valid    (const HcIndicator  *ind,
                                              int                 year);
gboolean        hcs_indicators_value_valid   (const HcIndicator  *ind,
                                              double              value);
JsonArray      *hcs_indicators_list          (HcsStore           *store,
                                              int                 year,
                                              GError            **error);
JsonObject     *hcs_indicators_detail        (HcsStore           *store,
                                              const HcIndicator  *ind,
                                              GError            **error);

G_END_DECLS
