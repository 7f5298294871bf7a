/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCreditFile: a subject's credit file (信用档案) as GET
 * /subjects/{identifier}/file answers it: the subject, how many records of
 * each kind it holds that the reader may see, and the first page of each
 * kind. Immutable. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "hc-page.h"
#include "hc-subject.h"

G_BEGIN_DECLS

#define HC_TYPE_CREDIT_FILE (hc_credit_file_get_type ())

G_DECLARE_FINAL_TYPE (HcCreditFile, hc_credit_file, HC, CREDIT_FILE, GObject)

/* The kinds of records a file holds, in the order the app shows them. */
extern const char * const hc_credit_file_kinds[];

HcCreditFile *hc_credit_file_new_from_json (JsonObject   *obj);
HcSubject    *hc_credit_file_get_subject   (HcCreditFile *self);
gint64        hc_credit_file_get_count     (HcCreditFile *self,
                                            const char   *kind);
HcPage       *hc_credit_file_get_page      (HcCreditFile *self,
                                            const char   *kind);

G_END_DECLS
