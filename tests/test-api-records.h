/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of test-api-records share: its server, users and companies, and the helpers more
 * than one of them calls. */
#pragma once

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include "hc-core.h"
#include "hc-test-server.h"

G_BEGIN_DECLS

extern HcTestServer *server;
extern const char *admin, *analyst, *supervisor, *holder, *market_supervisor;
extern char *company;
extern char *tmpdir;

void            records_exec_sql                       (const char         *sql);
void            records_create_user                    (const char         *username,
                                                        const char         *role,
                                                        int                 department);
void            records_import                         (const char         *kind,
                                                        int                 item,
                                                        const char         *csv);
GBytes         *records_json_bytes                     (const char         *json);
JsonArray      *records_items                          (HcTestResponse     *r);
gboolean        records_holds                          (HcTestResponse     *r,
                                                        const char         *member,
                                                        const char         *value);
HcTestResponse *records_get                            (const char         *token,
                                                        const char         *format,
                                                        ...) G_GNUC_PRINTF (2, 3);
gint64          records_record_id                      (const char         *sql);
char           *records_run_text                       (const char * const *argv);

void            hc_test_records_person_file_masked_add (void);
void            hc_test_records_person_file_add        (void);

G_END_DECLS
