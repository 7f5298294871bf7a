/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcQualityMonth: an immutable row of 数据质量, one department in one
 * month, with its imports (HcImportRecord). The rates are percentages of
 * the records received; the labels are what a cell shows ("0.0812%"). */
#define G_LOG_DOMAIN "hc-quality-month"

#include "config.h"

#include "hc-client-private.h"
#include "hc-import-record.h"
#include "hc-quality-month.h"

typedef enum {
  COUNT_IMPORTS,
  COUNT_ROWS_READ,
  COUNT_ACCEPTED,
  COUNT_REJECTED,
  COUNT_USCC_ERRORS,
  COUNT_USCC_DUPLICATES,
  COUNT_OTHER_ERRORS,
  N_COUNTS
} Count;

/* the answer's members, in the order of Count */
static const char * const count_members[N_COUNTS] = {
  "import_count", "rows_read", "accepted", "rejected", "uscc_errors", "uscc_duplicates", "other_errors",
};

struct _HcQualityMonth
{
  GObject     parent_instance;

  gint64      department_id;
  char       *department;
  char       *month;
  gint64      counts[N_COUNTS];
  double      uscc_rate;
  double      other_rate;
  char       *uscc_rate_label;
  char       *other_rate_label;
  GListStore *imports;   /* of HcImportRecord */
};

G_DEFINE_FINAL_TYPE (HcQualityMonth, hc_quality_month, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* the counts first, in the order of Count */
  PROP_IMPORT_COUNT,
  PROP_ROWS_READ,
  PROP_ACCEPTED,
  PROP_REJECTED,
  PROP_USCC_ERRORS,
  PROP_USCC_DUPLICATES,
  PROP_OTHER_ERRORS,
  PROP_DEPARTMENT,
  PROP_MONTH,
  PROP_USCC_RATE,
  PROP_OTHER_RATE,
  PROP_USCC_RATE_LABEL,
  PROP_OTHER_RATE_LABEL,
  PROP_USCC_OVER,
  PROP_OTHER_OVER,
  PROP_OVER_LINE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
hc_quality_month_finalize (GObject *object)
{
  HcQualityMonth *self = HC_QUALITY_MONTH (object);

  g_free (self->department);
  g_free (self->month);
  g_free (self->uscc_rate_label);
  g_free (self->other_rate_label);
  g_clear_object (&self->imports);

  G_OBJECT_CLASS (hc_quality_month_parent_class)->finalize (object);
}

static void
hc_quality_month_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HcQualityMonth *self = HC_QUALITY_MONTH (object);

  switch (prop_id)
    {
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;
    case PROP_MONTH:
      g_value_set_string (value, self->month);
      break;
    case PROP_USCC_RATE:
      g_value_set_double (value, self->uscc_rate);
      break;
    case PROP_OTHER_RATE:
      g_value_set_double (value, self->other_rate);
      break;
    case PROP_USCC_RATE_LABEL:
      g_value_set_string (value, self->uscc_rate_label);
      break;
    case PROP_OTHER_RATE_LABEL:
      g_value_set_string (value, self->other_rate_label);
      break;
    case PROP_USCC_OVER:
      g_value_set_boolean (value, self->uscc_rate > HC_QUALITY_LINE_PERCENT);
      break;
    case PROP_OTHER_OVER:
      g_value_set_boolean (value, self->other_rate > HC_QUALITY_LINE_PERCENT);
      break;
    case PROP_OVER_LINE:
      g_value_set_boolean (value, hc_quality_month_get_over_line (self));
      break;
    default:
      if (prop_id >= PROP_IMPORT_COUNT && prop_id <= PROP_OTHER_ERRORS)
        g_value_set_int64 (value, self->counts[prop_id - PROP_IMPORT_COUNT]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_quality_month_class_init (HcQualityMonthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  static const char * const count_names[N_COUNTS] = {
    "import-count", "rows-read", "accepted", "rejected", "uscc-errors", "uscc-duplicates", "other-errors",
  };

  object_class->finalize = hc_quality_month_finalize;
  object_class->get_property = hc_quality_month_get_property;

  for (guint i = 0; i < N_COUNTS; i++)
    properties [PROP_IMPORT_COUNT + i] = g_param_spec_int64 (count_names[i], NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties [PROP_MONTH] = g_param_spec_string ("month", NULL, NULL, NULL, flags);
  properties [PROP_USCC_RATE] = g_param_spec_double ("uscc-rate", NULL, NULL, 0, 100, 0, flags);
  properties [PROP_OTHER_RATE] = g_param_spec_double ("other-rate", NULL, NULL, 0, 100, 0, flags);
  properties [PROP_USCC_RATE_LABEL] = g_param_spec_string ("uscc-rate-label", NULL, NULL, NULL, flags);
  properties [PROP_OTHER_RATE_LABEL] = g_param_spec_string ("other-rate-label", NULL, NULL, NULL, flags);
  properties [PROP_USCC_OVER] = g_param_spec_boolean ("uscc-over", NULL, NULL, FALSE, flags);
  properties [PROP_OTHER_OVER] = g_param_spec_boolean ("other-over", NULL, NULL, FALSE, flags);
  properties [PROP_OVER_LINE] = g_param_spec_boolean ("over-line", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_quality_month_init (HcQualityMonth *self)
{
  self->imports = g_list_store_new (HC_TYPE_IMPORT_RECORD);
}

static double
rate_member (JsonObject *obj,
             const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? CLAMP (json_node_get_double (node), 0, 100) : 0;
}

/**
 * hc_quality_month_new_from_json:
 * @obj: a row of GET /imports/quality/months
 *
 * Returns: (transfer full) (nullable): the row, %NULL without its
 *   department and month
 */
HcQualityMonth *
hc_quality_month_new_from_json (JsonObject *obj)
{
  HcQualityMonth *self;
  JsonNode *imports;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!json_object_has_member (obj, "department_id") || !json_object_has_member (obj, "month"))
    return NULL;
  self = g_object_new (HC_TYPE_QUALITY_MONTH, NULL);
  self->department_id = json_object_get_int_member_with_default (obj, "department_id", 0);
  self->department = g_strdup (_hc_json_string (obj, "department"));
  self->month = g_strdup (_hc_json_string (obj, "month"));
  for (guint i = 0; i < N_COUNTS; i++)
    self->counts[i] = MAX (json_object_get_int_member_with_default (obj, count_members[i], 0), 0);
  self->uscc_rate = rate_member (obj, "uscc_error_rate");
  self->other_rate = rate_member (obj, "other_error_rate");
  self->uscc_rate_label = g_strdup_printf ("%.4f%%", self->uscc_rate);
  self->other_rate_label = g_strdup_printf ("%.4f%%", self->other_rate);
  imports = json_object_get_member (obj, "imports");
  if (imports != NULL && JSON_NODE_HOLDS_ARRAY (imports))
    {
      JsonArray *array = json_node_get_array (imports);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *imp = json_array_get_object_element (array, i);
          g_autoptr(HcImportRecord) record = imp ? hc_import_record_new_from_json (imp) : NULL;

          if (record != NULL)
            g_list_store_append (self->imports, record);
        }
    }
  return self;
}

gint64
hc_quality_month_get_department_id (HcQualityMonth *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_MONTH (self), 0);
  return self->department_id;
}

const char *
hc_quality_month_get_department (HcQualityMonth *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_MONTH (self), NULL);
  return self->department;
}

/* Returns: YYYY-MM */
const char *
hc_quality_month_get_month (HcQualityMonth *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_MONTH (self), NULL);
  return self->month;
}

#define COUNT_GETTER(name, which)                      \
gint64                                                 \
hc_quality_month_get_##name (HcQualityMonth *self)     \
{                                                      \
  g_return_val_if_fail (HC_IS_QUALITY_MONTH (self), 0); \
  return self->counts[which];                          \
}

COUNT_GETTER (import_count, COUNT_IMPORTS)
COUNT_GETTER (rows_read, COUNT_ROWS_READ)
COUNT_GETTER (rejected, COUNT_REJECTED)
COUNT_GETTER (uscc_errors, COUNT_USCC_ERRORS)
COUNT_GETTER (uscc_duplicates, COUNT_USCC_DUPLICATES)
COUNT_GETTER (other_errors, COUNT_OTHER_ERRORS)

/* Returns: 统一社会信用代码重错码率 in percent: (错码 + 重码) / records received */
double
hc_quality_month_get_uscc_rate (HcQualityMonth *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_MONTH (self), 0);
  return self->uscc_rate;
}

/* Returns: 其他类型数据重错率 in percent */
double
hc_quality_month_get_other_rate (HcQualityMonth *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_MONTH (self), 0);
  return self->other_rate;
}

/* Returns: whether a rate is above the 0.1 % line */
gboolean
hc_quality_month_get_over_line (HcQualityMonth *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_MONTH (self), FALSE);
  return self->uscc_rate > HC_QUALITY_LINE_PERCENT || self->other_rate > HC_QUALITY_LINE_PERCENT;
}

/* Returns: (transfer none): the imports behind the row (HcImportRecord) */
GListModel *
hc_quality_month_get_imports (HcQualityMonth *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_MONTH (self), NULL);
  return G_LIST_MODEL (self->imports);
}
