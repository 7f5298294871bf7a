/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Regrading the subjects whose grades a day has made stale, in small
 * transactions on a worker's thread. */
#pragma once

#include "hcs-store.h"

G_BEGIN_DECLS

typedef struct _HcsGradeRefresh HcsGradeRefresh;

HcsGradeRefresh *hcs_grade_refresh_start (HcsStore        *store,
                                          GMainContext    *context);
void             hcs_grade_refresh_stop  (HcsGradeRefresh *self);

G_END_DECLS
