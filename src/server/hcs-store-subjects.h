/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Storage of 市场主体: USCC-keyed organisations and ID-keyed persons. */
#pragma once

#include "hcs-request.h"
#include "hcs-rows.h"

G_BEGIN_DECLS

/* The columns of a subject's row, as every statement of the store's
 * subjects files (hcs-store-subjects*.c) reads them. */
#define HCS_SUBJECT_COLUMNS \
  "id, identifier, name, type, region, industry, status, grade, registered_on," \
  " version, created_at, updated_at"

typedef enum
{
  HCS_SUBJECT_SORT_ID,
  HCS_SUBJECT_SORT_NAME,
  HCS_SUBJECT_SORT_IDENTIFIER,
} HcsSubjectSort;

/* What GET /subjects filters on; NULL members do not filter. */
typedef struct
{
  const char     *region;
  const char     *type;
  const char     *grade;
  const char     *status;
  const char     *name_part;     /* a substring of the name */
  const char     *prefix;        /* a prefix of the (normalised) identifier */
  gboolean        see_persons;   /* whether @prefix may match ID numbers; if
                                  * not, only a whole ID number matches */
  HcsSubjectSort  sort;
  gint64          offset;        /* rows of the order skipped before the
                                  * page: a list view jumping to a row */
  gboolean        estimate_total; /* an estimated total will do when the
                                  * exact count is dear (total=estimate) */
  gint64          from_end;      /* -1, or rows of the order after the page
                                  * (by id only): a list view jumping near
                                  * the end reads no row before the page */
} HcsSubjectFilter;

typedef struct
{
  const char *identifier;   /* normalised */
  const char *name;
  const char *type;
  const char *region;
  const char *industry;
  const char *status;       /* NULL: active */
  const char *grade;        /* nullable */
  const char *registered_on; /* nullable, YYYY-MM-DD */
} HcsSubjectFields;

HcsRows    *hcs_store_subjects_list      (HcsStore                *store,
                                          const HcsSubjectFilter  *filter,
                                          const HcsPage           *page,
                                          gint64                  *total,
                                          gboolean                *total_exact,
                                          GError                 **error);
gint64      hcs_store_subjects_count_kept (HcsStore              *store,
                                          const HcsSubjectFilter  *filter,
                                          GError                 **error);
gint64      hcs_store_subjects_count_remembered (HcsStore              *store,
                                          const HcsSubjectFilter  *filter,
                                          gint64                  *generation,
                                          GError                 **error);
void        hcs_store_subjects_count_remember (HcsStore                *store,
                                          const HcsSubjectFilter  *filter,
                                          gint64                   generation,
                                          gint64                   n);
JsonObject *hcs_store_subjects_get       (HcsStore                *store,
                                          const char              *identifier,
                                          GError                 **error);
HcsRows    *hcs_store_subjects_get_rows  (HcsStore                *store,
                                          const char              *identifier,
                                          GError                 **error);
JsonObject *hcs_store_subjects_get_by_id (HcsStore                *store,
                                          gint64                   id,
                                          GError                 **error);
gint64      hcs_store_subjects_insert    (HcsStore                *store,
                                          const HcsSubjectFields  *fields,
                                          GError                 **error);
gboolean    hcs_store_subjects_update    (HcsStore                *store,
                                          gint64                   id,
                                          gint64                   version,
                                          const HcsSubjectFields  *fields,
                                          GError                 **error);

/* For the demo seeder: one prepared INSERT reused for many rows. */
typedef struct _HcsSubjectInserter HcsSubjectInserter;

HcsSubjectInserter *hcs_subject_inserter_new   (HcsStore            *store,
                                                GError             **error);
/* Returns 1 when inserted, 0 when the identifier exists already, -1 on
 * error. The strings need only live for the call. */
int                 hcs_subject_inserter_add   (HcsSubjectInserter  *self,
                                                const HcsSubjectFields *fields,
                                                GError             **error);
/* Writes the rows still buffered; call it before reading them back. */
gboolean            hcs_subject_inserter_finish (HcsSubjectInserter *self,
                                                GError             **error);
void                hcs_subject_inserter_free  (HcsSubjectInserter  *self);

/* For a bulk load in one transaction (the demo): the per-bigram counts of
 * subject names are counted once at the end rather than kept row by row. */
gboolean    hcs_store_subjects_name_counts_defer   (HcsStore  *store,
                                                    GError   **error);
gboolean    hcs_store_subjects_name_counts_recount (HcsStore  *store,
                                                    GError   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsSubjectInserter, hcs_subject_inserter_free)

G_END_DECLS
