/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The columns of each listing's export: which members of a row, under which
 * header, how wide. One table per resource (per ?kind= where a listing
 * holds several kinds of rows); listings without one export every scalar
 * member of their rows. */
#pragma once

#include <json-glib/json-glib.h>

#include "hcs-i18n.h"

G_BEGIN_DECLS

typedef struct
{
  const char  *member;                      /* the row member ("subject_name") */
  const char  *label;                       /* the header: an English msgid, context "export" */
  double       width;                       /* in characters */
  /* enum key → label (an English msgid, context "export"), or a text
   * already in @language (a 市县's name); NULL for none */
  const char *(*label_of) (const char  *key,
                           HcsLanguage  language);
} HcsExportColumn;

typedef struct
{
  const char            *pattern;   /* the route's pattern ("/subjects") */
  const char            *kind;      /* the ?kind= it is for, NULL for any */
  const char            *title;     /* sheet name, file name stem: as label */
  const HcsExportColumn *columns;
  guint                  n_columns;
} HcsExportTable;

const HcsExportTable *hcs_export_table_lookup (const char *pattern,
                                               const char *kind);

G_END_DECLS
