/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the routes of /subjects share (hcs-route-subjects.c and its search,
 * hcs-route-subjects-search.c): a subject's answer, as an object or as JSON
 * text, and the checks of the values it is filtered or registered by. Only
 * hcs-route-subjects*.c include it. */
#pragma once

#include "hc-core.h"
#include "hcs-request.h"
#include "hcs-rows.h"

G_BEGIN_DECLS

void     hcs_subjects_present          (JsonObject    *subject,
                                        gboolean       masked);
void     hcs_subjects_append           (GString       *out,
                                        HcsRows       *rows,
                                        guint          row,
                                        gboolean       masked);
void     hcs_subjects_reply_text       (HcsRequest    *req,
                                        GString       *out);
gboolean hcs_subjects_sees_id_numbers  (HcsRequest    *req);

/* Each answers the error itself (@status: 400 for a query's parameter, 422
 * for a body's field) and returns FALSE; a %NULL value passes. */
gboolean hcs_subjects_check_region     (HcsRequest    *req,
                                        const char    *region,
                                        guint          status);
gboolean hcs_subjects_check_type       (HcsRequest    *req,
                                        const char    *type_key,
                                        guint          status,
                                        HcSubjectType *type);
gboolean hcs_subjects_check_grade      (HcsRequest    *req,
                                        const char    *grade,
                                        guint          status);
gboolean hcs_subjects_check_status     (HcsRequest    *req,
                                        const char    *status_key,
                                        guint          status);

/* GET /subjects (hcs-route-subjects-search.c) */
void     hcs_subjects_list             (HcsRequest    *req);

G_END_DECLS
