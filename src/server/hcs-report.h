/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 公共信用信息报告 (四.(三).2; 信用报告代替无违法违规证明, 五.(二).2): what a
 * subject's public credit report says, section by section, laid out with
 * the server's PDF renderer. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One report's content. Every array holds rows as the credit file answers
 * them, already limited to what the report may show (公开 items only) and
 * masked for its reader; a section with more rows than it lists says so. */
typedef struct
{
  const char *number;
  GDateTime  *issued_at;
  JsonObject *subject;       /* with region_name; identifier masked as for the reader */
  JsonArray  *licenses;
  JsonArray  *penalties;     /* those under publicity */
  JsonArray  *commitments;
  JsonArray  *list_entries;  /* those in force */
  JsonArray  *repairs;       /* those approved */
  JsonArray  *inspections;   /* 双随机、一公开 results 责令整改 and 不合格 */
  gint64      more[6];       /* rows left out of each section above, in that order */
} HcsReport;

char   *hcs_report_new_number (GDateTime        *issued_at);
GBytes *hcs_report_render     (const HcsReport  *report,
                               guint            *n_pages,
                               GError          **error);

G_END_DECLS
