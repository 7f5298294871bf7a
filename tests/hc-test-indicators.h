/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the API tests of the plan's indicators (表1): their server and
 * accounts, reporting and reviewing a value, and reading an indicator's
 * list item, detail, years and 市县 back. */
#pragma once

#include "hc-test-server.h"

G_BEGIN_DECLS

/* The nine indicators computed from the data, not reported by hand. */
extern const char * const hc_ind_computed_keys[];

HcTestServer   *hc_ind_server_new        (void);

HcTestResponse *hc_ind_send              (HcTestServer *server,
                                          const char   *method,
                                          const char   *path,
                                          const char   *token,
                                          const char   *body,
                                          const char   *etag);
HcTestResponse *hc_ind_put_value         (HcTestServer *server,
                                          const char   *key,
                                          int           year,
                                          const char   *token,
                                          const char   *body,
                                          const char   *etag);
HcTestResponse *hc_ind_review            (HcTestServer *server,
                                          const char   *key,
                                          int           year,
                                          const char   *token,
                                          const char   *body,
                                          const char   *etag);
char           *hc_ind_submit            (HcTestServer *server,
                                          const char   *key,
                                          int           year,
                                          double        value);
char           *hc_ind_submit_approved   (HcTestServer *server,
                                          const char   *key,
                                          int           year,
                                          double        value);

JsonObject     *hc_ind_list_item         (HcTestServer *server,
                                          int           year,
                                          const char   *key);
JsonObject     *hc_ind_detail            (HcTestServer *server,
                                          const char   *key);
JsonObject     *hc_ind_detail_year       (HcTestServer *server,
                                          const char   *key,
                                          int           year);
JsonObject     *hc_ind_region_year       (JsonObject   *detail,
                                          const char   *region,
                                          int           year);
JsonObject     *hc_ind_province_year     (JsonObject   *detail,
                                          int           year);
double          hc_ind_number            (JsonObject   *object,
                                          const char   *member);
gint64          hc_ind_audit_count       (HcTestServer *server,
                                          const char   *action,
                                          const char   *entity_id);

G_END_DECLS
