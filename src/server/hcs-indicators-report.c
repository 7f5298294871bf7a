/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The year's Table 1 (表1) as a PDF: every indicator of the plan with its
 * target, the year's value, status, gap to the target and who reviewed it,
 * under a summary of the statuses — rendered by HcsPdf (cairo + Pango, the
 * credit report's renderer: CJK text, cells that wrap, page breaks with the
 * table's header repeated). */
#define G_LOG_DOMAIN "hcs-indicators-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hc-core.h"
#include "hcs-indicators-report.h"
#include "hcs-pdf.h"

static const char *
member (JsonObject *obj,
        const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
number (JsonObject *obj,
        const char *name,
        double     *out)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) == G_TYPE_STRING)
    return FALSE;
  *out = json_node_get_double (node);
  return TRUE;
}

/* A value as the dashboard shows it: a milestone done or not, else at most
 * two decimals with the unit. */
static char *
value_text (JsonObject *item,
            double      value)
{
  const char *unit = member (item, "unit");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (g_strcmp0 (member (item, "kind"), "milestone") == 0)
    return g_strdup (value >= 1 ? _("Done") : _("Not done"));
  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  end = buf + strlen (buf) - 1;
  while (end > buf && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return g_strconcat (buf, unit ? unit : "", NULL);
}

static char *
footer_text (guint    page,
             guint    n_pages,
             gpointer user_data)
{
  int year = GPOINTER_TO_INT (user_data);

  /* TRANSLATORS: the footer of each page of Table 1: the year, the page and the page count */
  return g_strdup_printf (_("Table 1, %d · page %u of %u"), year, page, n_pages);
}

/**
 * hcs_indicators_report_render:
 * @items: the indicators of @year as GET /indicators lists them
 * @issued_by: who asked for it
 * @issued_at: when (ISO 8601)
 * @n_pages: (out) (optional): its number of pages
 *
 * Returns: (transfer full): Table 1 of @year as a PDF file, or %NULL with
 *   @error set
 */
GBytes *
hcs_indicators_report_render (JsonArray   *items,
                              int          year,
                              const char  *issued_by,
                              const char  *issued_at,
                              guint       *n_pages,
                              GError     **error)
{
  const char *headers[] = { _("Category"), _("Indicator"), _("Target"), _("Attribute"), _("Value"),
                            _("Status"), _("Gap"), _("Reviewed by") };
  const double widths[] = { 1.2, 1.3, 3.0, 0.8, 1.0, 0.9, 1.0, 1.0 };
  guint counts[HC_INDICATOR_STATUS_N] = { 0 };
  g_autoptr(HcsPdf) pdf = NULL;
  g_autoptr(HcsPdfTable) table = NULL;
  g_autofree char *title = NULL;
  g_autofree char *header = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (items != NULL, NULL);

  /* TRANSLATORS: the title of Table 1's report, with the year */
  title = g_strdup_printf (_("Table 1: main indicators of the social credit system, %d"), year);
  /* TRANSLATORS: the running header of Table 1's report, with the year */
  header = g_strdup_printf (_("Hainan social credit system, 14th Five-Year Plan · Table 1 · %d"), year);
  pdf = hcs_pdf_new (title, header, footer_text, GINT_TO_POINTER (year));
  hcs_pdf_add_title (pdf, title);
  /* TRANSLATORS: who produced Table 1's report and when */
  issued = g_strdup_printf (_("Produced by %s on %.10s from the values reported, reviewed and computed on the platform. A value awaiting review is shown as pending."),
                            issued_by, issued_at);
  hcs_pdf_add_note (pdf, issued);

  table = hcs_pdf_table_new (G_N_ELEMENTS (headers), headers, widths);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      HcIndicatorStatus status;
      HcIndicatorAttribute attribute;
      const char *status_key = member (item, "status");
      g_autofree char *value = NULL;
      g_autofree char *gap = NULL;
      double v;

      value = number (item, "value", &v) ? value_text (item, v) : g_strdup ("—");
      if (!number (item, "gap", &v) || g_strcmp0 (member (item, "kind"), "milestone") == 0)
        gap = g_strdup ("—");
      else if (v <= 0)
        gap = g_strdup (_("Reached"));
      else
        {
          g_autofree char *amount = value_text (item, v);
          /* Translators: how far an indicator is short of its target, e.g. "差 2.13%". */
          gap = g_strdup_printf (_("%s short"), amount);
        }
      if (status_key != NULL && hc_indicator_status_from_key (status_key, &status))
        counts[status]++;
      {
        const char *cells[] = {
          member (item, "category_name"),
          member (item, "item"),
          member (item, "target_text"),
          hc_indicator_attribute_from_key (member (item, "attribute"), &attribute)
            ? hc_indicator_attribute_label (attribute) : "—",
          value,
          status_key != NULL && hc_indicator_status_from_key (status_key, &status)
            ? hc_indicator_status_label (status) : "—",
          gap,
          member (item, "reviewed_by") ? member (item, "reviewed_by")
            : g_strcmp0 (member (item, "source"), "computed") == 0 ? _("Computed") : "—",
        };

        hcs_pdf_table_add_row (table, cells);
      }
    }
  /* TRANSLATORS: the summary of Table 1: how many indicators have each status */
  summary = g_strdup_printf (_("%u indicators: %u met, %u unmet, %u warning, %u pending review, %u without data."),
                             json_array_get_length (items), counts[HC_INDICATOR_STATUS_MET],
                             counts[HC_INDICATOR_STATUS_UNMET], counts[HC_INDICATOR_STATUS_WARNING],
                             counts[HC_INDICATOR_STATUS_PENDING], counts[HC_INDICATOR_STATUS_NO_DATA]);
  hcs_pdf_add_paragraph (pdf, summary);
  hcs_pdf_add_table (pdf, g_steal_pointer (&table));
  hcs_pdf_add_note (pdf, _("Status: met (达标) reaches the target; warning (预警) is short of it within the plan's tolerance; unmet (未达标) is further short. Gap: how far the value is from the target. Values of cities and counties and their targets are in the platform's indicator dashboard."));
  return hcs_pdf_render (pdf, n_pages, error);
}
