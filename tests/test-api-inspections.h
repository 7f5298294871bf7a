/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of test-api-inspections share: its server, users, departments and scope, and the
 * helpers more than one of them calls. */
#pragma once

#include <string.h>
#include <glib/gstdio.h>
#include "hc-core.h"
#include "hc-test-server.h"

G_BEGIN_DECLS

extern HcTestServer *server;
extern const char *admin, *supervisor, *analyst;
extern gint64 department, other_department;
extern GRand *prng;
extern GPtrArray *scope_subjects;

gint64          inspections_num                (JsonObject *obj,
                                                const char *member);
const char     *inspections_str                (JsonObject *obj,
                                                const char *member);
HcTestResponse *inspections_post               (const char *path,
                                                const char *token,
                                                const char *body);
char           *inspections_new_company        (const char *industry);
gint64          inspections_create_plan        (const char *industry,
                                                const char *ratios,
                                                const char *inspectors,
                                                const char *extra);
HcTestResponse *inspections_draw               (gint64      plan,
                                                const char *body);
JsonArray      *inspections_inspections_of     (gint64      plan,
                                                gint64      draw_id);

void            hc_test_inspections_draw_add   (void);
void            hc_test_inspections_access_add (void);

G_END_DECLS
