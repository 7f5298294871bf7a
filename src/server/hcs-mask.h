/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Masking of 居民身份证号码 at the answer boundary: every JSON answer, error
 * message, audit view, import rejection and export goes through here, so
 * no route has to remember to mask (个人信息保护). */
#pragma once

#include <json-glib/json-glib.h>

#include "hc-enums.h"

G_BEGIN_DECLS

gboolean  hcs_mask_role_sees_id_numbers (HcRole       role);
gboolean  hcs_mask_is_id_number         (const char  *text);
char     *hcs_mask_text                 (const char  *text,
                                         HcRole       role);
void      hcs_mask_json_node            (JsonNode    *node,
                                         HcRole       role);
GBytes   *hcs_mask_bytes                (GBytes      *bytes,
                                         HcRole       role);
GBytes   *hcs_mask_json_bytes           (GBytes      *bytes,
                                         HcRole       role);

G_END_DECLS
