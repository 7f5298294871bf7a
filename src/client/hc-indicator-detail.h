/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorDetail: one indicator of 表1 with its values of 2021–2025 and their reviews. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One year of an indicator. The review members are NULL for a computed
 * indicator and for a year nothing was reported for. */
typedef struct
{
  int       year;
  gboolean  has_value;
  double    value;
  char     *status;         /* "met", "unmet", "warning", "pending", "no_data" */
  char     *state;          /* review state, or NULL */
  char     *evidence;
  char     *submitted_by;
  char     *submitted_at;
  char     *reviewed_by;
  char     *reviewed_at;
  char     *review_comment;
  char     *etag;           /* of the reported value, or NULL */
  char     *basis;          /* "reported", "computed" or "regions" (from its 市县) */
  gboolean  has_counts;     /* numerator and denominator given */
  gint64    numerator;
  gint64    denominator;
  gboolean  lagging;        /* a 市县's year: 未达标 or 预警 */
  gboolean  has_gap;
  double    gap;            /* how far short of the target, positive while short */
  char     *records;        /* a computed value: the path of the records behind it, or NULL */
} HcIndicatorYear;

/* One 市县 of an indicator that applies to 市县: the target it is held to
 * and its years. */
typedef struct
{
  char   *code;
  char   *name;
  double  target;
  GArray *years;            /* of HcIndicatorYear */
  double  warning_gap;      /* short of the target by at most this: 预警 */
  char   *target_source;    /* "province", "regions" (the rule for all) or "region" (its own) */
  char   *target_etag;      /* of the target set for this 市县 alone, or NULL */
} HcIndicatorRegion;

/* The province's rule for its 市县 (部门和市县目标管理): the target they
 * are held to and how far short of it is still 预警. */
typedef struct
{
  double  target;
  double  warning_gap;
  char   *source;           /* "province" (its own target, none set) or "regions" */
  char   *set_by;
  char   *set_at;
  char   *etag;             /* of the rule set, or NULL while none is */
} HcIndicatorRegionRule;

#define HC_TYPE_INDICATOR_DETAIL (hc_indicator_detail_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorDetail, hc_indicator_detail, HC, INDICATOR_DETAIL, GObject)

HcIndicatorDetail *hc_indicator_detail_new_from_json (JsonObject *obj);

const char            *hc_indicator_detail_get_key         (HcIndicatorDetail *self);
const char            *hc_indicator_detail_get_item        (HcIndicatorDetail *self);
const char            *hc_indicator_detail_get_target_text (HcIndicatorDetail *self);
const char            *hc_indicator_detail_get_kind        (HcIndicatorDetail *self);
const char            *hc_indicator_detail_get_unit        (HcIndicatorDetail *self);
const char            *hc_indicator_detail_get_source      (HcIndicatorDetail *self);
const char            *hc_indicator_detail_get_aggregation (HcIndicatorDetail *self);
gboolean               hc_indicator_detail_get_has_target  (HcIndicatorDetail *self);
double                 hc_indicator_detail_get_target      (HcIndicatorDetail *self);
guint                  hc_indicator_detail_get_n_years     (HcIndicatorDetail *self);
const HcIndicatorYear *hc_indicator_detail_get_year        (HcIndicatorDetail *self,
                                                            guint              index);
const HcIndicatorYear *hc_indicator_detail_find_year       (HcIndicatorDetail *self,
                                                            int                year);
const char            *hc_indicator_detail_get_regional    (HcIndicatorDetail *self);
guint                  hc_indicator_detail_get_n_regions   (HcIndicatorDetail *self);
const HcIndicatorRegion *hc_indicator_detail_get_region    (HcIndicatorDetail *self,
                                                            guint              index);
const HcIndicatorYear *hc_indicator_region_find_year       (const HcIndicatorRegion *region,
                                                            int                      year);
/* NULL for an indicator of the province only. */
const HcIndicatorRegionRule *hc_indicator_detail_get_region_rule (HcIndicatorDetail *self);

G_END_DECLS
