/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorYearTable: a grid of an indicator's values of 2021–2025, one
 * row a year (the year shown as a heading): value, status, review,
 * evidence, who submitted and who reviewed it, and the review's comment. */
#define G_LOG_DOMAIN "hc-indicator-year-table"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hc-enums.h"
#include "hc-indicator-summary.h"
#include "hc-indicator-year-table.h"

struct _HcIndicatorYearTable
{
  GtkGrid            parent_instance;

  HcIndicatorDetail *detail;
  int                year;
};

G_DEFINE_FINAL_TYPE (HcIndicatorYearTable, hc_indicator_year_table, GTK_TYPE_GRID)

enum { PROP_0, PROP_DETAIL, PROP_YEAR, N_PROPS };

static GParamSpec *properties [N_PROPS];

static const char *
status_label (const char *key)
{
  HcIndicatorStatus status;

  return key && hc_indicator_status_from_key (key, &status) ? hc_indicator_status_label (status) : "—";
}

static const char *
review_label (const char *key)
{
  HcReviewState state;

  return key && hc_review_state_from_key (key, &state) ? hc_review_state_label (state) : "—";
}

static char *
person_and_day (const char *who,
                const char *when)
{
  if (who == NULL)
    return g_strdup ("—");
  if (when == NULL || strlen (when) < 10)
    return g_strdup (who);
  return g_strdup_printf ("%s\n%.10s", who, when);
}

static GtkWidget *
grid_label (const char *text,
            gboolean    wrap,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_widget_set_hexpand (label, TRUE);
    }
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

/* Rows again from the detail: a heading row, then one row a year. */
static void
rebuild (HcIndicatorYearTable *self)
{
  const char *headings[] = {
    N_("Year"), N_("Value"), N_("Status"), N_("Review"), N_("Evidence"),
    N_("Submitted by"), N_("Reviewed by"), N_("Review comment"),
  };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_grid_remove (GTK_GRID (self), child);

  if (self->detail == NULL)
    return;
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (GTK_GRID (self), grid_label (_(headings[c]), FALSE, TRUE), c, 0, 1, 1);

  for (guint i = 0; i < hc_indicator_detail_get_n_years (self->detail); i++)
    {
      const HcIndicatorYear *y = hc_indicator_detail_get_year (self->detail, i);
      g_autofree char *year = g_strdup_printf ("%d", y->year);
      g_autofree char *value = y->has_value
                               ? hc_indicator_format_value (hc_indicator_detail_get_kind (self->detail),
                                                            y->value, hc_indicator_detail_get_unit (self->detail))
                               : g_strdup ("—");
      g_autofree char *submitted = person_and_day (y->submitted_by, y->submitted_at);
      g_autofree char *reviewed = person_and_day (y->reviewed_by, y->reviewed_at);
      GtkWidget *status = grid_label (status_label (y->status), FALSE, FALSE);
      GtkWidget *year_label = grid_label (year, FALSE, y->year == self->year);
      int row = (int) i + 1;

      gtk_widget_add_css_class (status, "hc-badge");
      gtk_widget_add_css_class (status, y->status ? y->status : "no_data");
      gtk_widget_set_halign (status, GTK_ALIGN_START);
      gtk_grid_attach (GTK_GRID (self), year_label, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (self), grid_label (value, FALSE, FALSE), 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (self), status, 2, row, 1, 1);
      gtk_grid_attach (GTK_GRID (self), grid_label (review_label (y->state), FALSE, FALSE), 3, row, 1, 1);
      gtk_grid_attach (GTK_GRID (self), grid_label (y->evidence ? y->evidence : "—", TRUE, FALSE), 4, row, 1, 1);
      gtk_grid_attach (GTK_GRID (self), grid_label (submitted, FALSE, FALSE), 5, row, 1, 1);
      gtk_grid_attach (GTK_GRID (self), grid_label (reviewed, FALSE, FALSE), 6, row, 1, 1);
      gtk_grid_attach (GTK_GRID (self), grid_label (y->review_comment ? y->review_comment : "—", TRUE, FALSE), 7, row, 1, 1);
    }
}

static void
hc_indicator_year_table_dispose (GObject *object)
{
  HcIndicatorYearTable *self = HC_INDICATOR_YEAR_TABLE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_grid_remove (GTK_GRID (self), child);
  g_clear_object (&self->detail);

  G_OBJECT_CLASS (hc_indicator_year_table_parent_class)->dispose (object);
}

static void
hc_indicator_year_table_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  HcIndicatorYearTable *self = HC_INDICATOR_YEAR_TABLE (object);

  switch (prop_id)
    {
    case PROP_DETAIL:
      g_value_set_object (value, hc_indicator_year_table_get_detail (self));
      break;
    case PROP_YEAR:
      g_value_set_int (value, hc_indicator_year_table_get_year (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_indicator_year_table_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  HcIndicatorYearTable *self = HC_INDICATOR_YEAR_TABLE (object);

  switch (prop_id)
    {
    case PROP_DETAIL:
      hc_indicator_year_table_set_detail (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      hc_indicator_year_table_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_indicator_year_table_class_init (HcIndicatorYearTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_indicator_year_table_dispose;
  object_class->get_property = hc_indicator_year_table_get_property;
  object_class->set_property = hc_indicator_year_table_set_property;

  properties [PROP_DETAIL] =
    g_param_spec_object ("detail", NULL, NULL, HC_TYPE_INDICATOR_DETAIL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_indicator_year_table_init (HcIndicatorYearTable *self)
{
}

/**
 * hc_indicator_year_table_get_detail:
 * Returns: (transfer none) (nullable): the indicator shown
 */
HcIndicatorDetail *
hc_indicator_year_table_get_detail (HcIndicatorYearTable *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_YEAR_TABLE (self), NULL);
  return self->detail;
}

void
hc_indicator_year_table_set_detail (HcIndicatorYearTable *self,
                                    HcIndicatorDetail    *detail)
{
  g_return_if_fail (HC_IS_INDICATOR_YEAR_TABLE (self));
  g_return_if_fail (detail == NULL || HC_IS_INDICATOR_DETAIL (detail));

  /* A detail read again is a new object with maybe other values: show it
   * even when it is the same one. */
  if (g_set_object (&self->detail, detail))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DETAIL]);
  rebuild (self);
}

/* The year shown: its row's year is a heading. */
int
hc_indicator_year_table_get_year (HcIndicatorYearTable *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_YEAR_TABLE (self), 0);
  return self->year;
}

void
hc_indicator_year_table_set_year (HcIndicatorYearTable *self,
                                  int                   year)
{
  g_return_if_fail (HC_IS_INDICATOR_YEAR_TABLE (self));

  if (self->year == year)
    return;
  self->year = year;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_YEAR]);
}
