/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 归集: one department file (CSV or XLSX) checked row by row and its good
 * rows stored in one transaction; shared by the route and the CLI. */
#pragma once

#include "hcs-request.h"

G_BEGIN_DECLS

#define HCS_IMPORT_ERROR (hcs_import_error_quark ())

/* Why a whole import was refused (nothing was written). */
typedef enum
{
  HCS_IMPORT_ERROR_INVALID_KIND,      /* 422 invalid_kind */
  HCS_IMPORT_ERROR_INVALID_ITEM,      /* 422 invalid_item */
  HCS_IMPORT_ERROR_INVALID_ENCODING,  /* 422 invalid_encoding */
  HCS_IMPORT_ERROR_EMPTY,             /* 422 empty_file */
  HCS_IMPORT_ERROR_NO_ROWS,           /* 422 no_rows: a header and nothing else */
  HCS_IMPORT_ERROR_HEADER,            /* 422 invalid_header */
  HCS_IMPORT_ERROR_XLSX,              /* 422 invalid_xlsx */
  HCS_IMPORT_ERROR_ALREADY_IMPORTED,  /* 409 already_imported */
  HCS_IMPORT_ERROR_FORBIDDEN,         /* 403 forbidden: require_subject over people, not an administrator */
  HCS_IMPORT_ERROR_STORE,             /* the database failed: see store_error */
} HcsImportError;

/* How many rejections the answer carries; the CSV report has them all. */
#define HCS_IMPORT_MAX_REJECTIONS 1000

typedef void (*HcsImportProgress) (guint64   bytes_done,
                                   guint64   bytes_total,
                                   gint64    rows,
                                   gpointer  user_data);

typedef struct
{
  const char        *kind;             /* "penalty" (default), "license", "commitment" */
  gint64             item_id;
  const char        *encoding;         /* NULL: detect; "utf-8" or "gb18030" */
  const char        *file_name;
  gboolean           force;            /* import a file seen before again */
  gboolean           require_subject;  /* unknown subjects are rejections */
  gboolean           xlsx;             /* the caller says it is XLSX (else: by magic) */
  const HcsActor    *actor;
  HcsImportProgress  progress;
  gpointer           progress_data;
} HcsImportOptions;

typedef struct
{
  gint64   earlier_import_id;   /* with ALREADY_IMPORTED */
  char    *field;               /* with HEADER: the column at fault */
  GError  *store_error;         /* with STORE */
} HcsImportFailure;

GQuark      hcs_import_error_quark   (void);
gboolean    hcs_import_kind_is_valid (const char              *kind);
JsonObject *hcs_import_run           (HcsStore                *store,
                                      const HcsImportOptions  *options,
                                      const char              *data,
                                      gsize                    length,
                                      HcsImportFailure        *failure,
                                      GError                 **error);
void        hcs_import_failure_clear (HcsImportFailure        *failure);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HcsImportFailure, hcs_import_failure_clear)

G_END_DECLS
