/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSubject: one 市场主体 as the server sent it (immutable), or a placeholder
 * for a row of a list that is not loaded yet. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_SUBJECT (hc_subject_get_type ())

G_DECLARE_FINAL_TYPE (HcSubject, hc_subject, HC, SUBJECT, GObject)

/* Fields of hc_subject_new(), all strings (NULL for none). */
typedef struct
{
  const char *identifier;
  const char *name;
  const char *type;
  const char *region;
  const char *region_name;
  const char *industry;
  const char *grade;
  const char *status;
  const char *registered_on;
  gboolean    identifier_masked;
  gint64      version;
  gint64      id;            /* the server's row id, 0 when not known */
} HcSubjectFields;

HcSubject  *hc_subject_new                   (const HcSubjectFields *fields);
HcSubject  *hc_subject_new_placeholder       (void);
HcSubject  *hc_subject_new_from_json         (JsonObject *obj);
gboolean    hc_subject_get_placeholder       (HcSubject *self);
const char *hc_subject_get_identifier        (HcSubject *self);
const char *hc_subject_get_name              (HcSubject *self);
const char *hc_subject_get_subject_type      (HcSubject *self);
const char *hc_subject_get_type_label        (HcSubject *self);
const char *hc_subject_get_region            (HcSubject *self);
const char *hc_subject_get_region_name       (HcSubject *self);
const char *hc_subject_get_industry          (HcSubject *self);
const char *hc_subject_get_grade             (HcSubject *self);
const char *hc_subject_get_status            (HcSubject *self);
const char *hc_subject_get_status_label      (HcSubject *self);
const char *hc_subject_get_registered_on     (HcSubject *self);
gboolean    hc_subject_get_identifier_masked (HcSubject *self);
gint64      hc_subject_get_version           (HcSubject *self);
gint64      hc_subject_get_id                (HcSubject *self);
char       *hc_subject_dup_lookup            (HcSubject *self);

const char *hc_subject_status_label          (const char *status);

G_END_DECLS
