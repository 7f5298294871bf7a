/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 信用档案: who may see which records (disclosure from the catalog item), a
 * subject looked up from the path, and rows made fit for their reader. */
#pragma once

#include "hc-enums.h"
#include "hcs-request.h"

G_BEGIN_DECLS

/* "id:42": a subject named by its row id (hcs_credit_file_parse_ref()). */
#define HCS_SUBJECT_REF_PREFIX "id:"

HcDisclosure  hcs_credit_file_reader_level  (HcsRequest  *req);
gboolean      hcs_credit_file_may_see       (HcsRequest  *req,
                                             const char  *disclosure);
gboolean      hcs_credit_file_parse_ref     (const char  *raw,
                                             gint64      *id);
JsonObject   *hcs_credit_file_path_subject  (HcsRequest  *req);
void          hcs_credit_file_present_subject (HcsRequest *req,
                                             JsonObject  *subject);
void          hcs_credit_file_mask_member   (HcsRequest  *req,
                                             JsonObject  *row,
                                             const char  *member);
void          hcs_credit_file_present_rows  (JsonArray   *rows);

G_END_DECLS
