/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 公共信用信息报告: the sections of a subject's public credit report, in the
 * order of the national report's form, laid out with HcsPdf. The route
 * gathers the rows (only 公开 items, masked for the reader); this file
 * decides what the report says about them. */
#define G_LOG_DOMAIN "hcs-report"

#include "config.h"

#include <sys/random.h>

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-pdf.h"
#include "hcs-report.h"

/* Crockford's base 32: no I, L, O or U to misread when typed in. */
static const char number_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * hcs_report_new_number:
 *
 * A report number: the day of issue and ten random characters, so that no
 * one can guess the number of a report they were not given (a number is
 * what verifies a report).
 *
 * Returns: (transfer full): e.g. "HN20251205-7K3Q9X2MAB"
 */
char *
hcs_report_new_number (GDateTime *issued_at)
{
  guint8 random[10];
  char tail[11];
  g_autofree char *day = g_date_time_format (issued_at, "%Y%m%d");

  if (getrandom (random, sizeof random, 0) != sizeof random)
    for (guint i = 0; i < sizeof random; i++)
      random[i] = (guint8) g_random_int ();
  for (guint i = 0; i < sizeof random; i++)
    tail[i] = number_alphabet[random[i] % 32];
  tail[sizeof random] = '\0';
  return g_strdup_printf ("HN%s-%s", day, tail);
}

static const char *
member (JsonObject *row,
        const char *name)
{
  JsonNode *node = json_object_get_member (row, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static const char *
or_none (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

/* 行政处罚决定的种类 (《行政处罚法》第九条), as the import keys them. */
static const char *
penalty_category_label (const char *key)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "warning", NC_("penalty category", "Warning") },
    { "criticism", NC_("penalty category", "Public criticism") },
    { "fine", NC_("penalty category", "Fine") },
    { "confiscation", NC_("penalty category", "Confiscation") },
    { "license_suspension", NC_("penalty category", "Licence suspended") },
    { "qualification_downgrade", NC_("penalty category", "Qualification downgraded") },
    { "license_revocation", NC_("penalty category", "Licence revoked") },
    { "business_restriction", NC_("penalty category", "Business restricted") },
    { "suspension", NC_("penalty category", "Production or business suspended") },
    { "closure", NC_("penalty category", "Ordered to close") },
    { "employment_restriction", NC_("penalty category", "Employment restricted") },
    { "detention", NC_("penalty category", "Administrative detention") },
    { "other", NC_("penalty category", "Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (key, labels[i].key) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "penalty category", labels[i].label);
  return key;
}

static const char *
fulfilment_label (const char *key)
{
  if (g_strcmp0 (key, "fulfilled") == 0)
    return C_("commitment", "Kept");
  if (g_strcmp0 (key, "breached") == 0)
    return C_("commitment", "Breached");
  return C_("commitment", "Being checked");
}

static const char *
subject_status_label (const char *key)
{
  if (g_strcmp0 (key, "deregistered") == 0)
    return C_("subject status", "Deregistered");
  if (g_strcmp0 (key, "revoked") == 0)
    return C_("subject status", "Revoked");
  return C_("subject status", "Active");
}

static const char *
entry_state_label (const char *key)
{
  HcListEntryState state;

  return hc_list_entry_state_from_key (key, &state) ? hc_list_entry_state_label (state) : key;
}

static const char *
subject_type_label (const char *key)
{
  HcSubjectType type;

  return hc_subject_type_from_key (key, &type) ? hc_subject_type_label (type) : key;
}

static char *
amount_text (JsonObject *row)
{
  JsonNode *node = json_object_get_member (row, "amount");
  double amount = node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_double (node) : 0;

  if (amount <= 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.2f", amount);
}

static void
add_form_row (HcsPdfTable *form,
              const char  *label,
              const char  *value)
{
  const char *cells[] = { label, or_none (value) };

  hcs_pdf_table_add_row (form, cells);
}

/* A section's table, or "None" when it has no rows; and the rows left out. */
static void
add_section (HcsPdf      *pdf,
             const char  *heading,
             HcsPdfTable *table,
             gint64       more)
{
  g_autoptr(HcsPdfTable) owned = table;

  hcs_pdf_add_heading (pdf, heading);
  if (hcs_pdf_table_get_n_rows (table) == 0)
    {
      hcs_pdf_add_paragraph (pdf, _("None"));
      return;
    }
  hcs_pdf_add_table (pdf, g_steal_pointer (&owned));
  if (more > 0)
    {
      g_autofree char *note = g_strdup_printf (_("%lld more records of this section are not listed; the credit file holds them all."),
                                               (long long) more);

      hcs_pdf_add_note (pdf, note);
    }
}

static void
add_identity (HcsPdf          *pdf,
              const HcsReport *report)
{
  JsonObject *s = report->subject;
  gboolean person = g_strcmp0 (member (s, "type"), "natural_person") == 0;
  g_autoptr(HcsPdfTable) form = NULL;
  g_autoptr(GTimeZone) beijing = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (report->issued_at, beijing);
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  g_autofree char *issued = g_strdup_printf (_("%s (Beijing time)"), when);
  const char *grade = member (s, "grade");
  const double widths[] = { 1, 3 };

  form = hcs_pdf_table_new (2, NULL, widths);
  add_form_row (form, _("Report number"), report->number);
  add_form_row (form, _("Issued at"), issued);
  add_form_row (form, _("Name"), member (s, "name"));
  add_form_row (form, person ? _("Resident identity card number") : _("Unified social credit code"),
                member (s, "identifier"));
  add_form_row (form, _("Subject type"), subject_type_label (member (s, "type")));
  add_form_row (form, _("Region"), member (s, "region_name"));
  add_form_row (form, _("Industry"), member (s, "industry"));
  add_form_row (form, _("Registration status"), subject_status_label (member (s, "status")));
  add_form_row (form, _("Registered on"), member (s, "registered_on"));
  add_form_row (form, _("Public credit grade"), *grade ? grade : _("Not graded"));
  hcs_pdf_add_heading (pdf, _("1. Identity and registration"));
  hcs_pdf_add_table (pdf, g_steal_pointer (&form));
}

static HcsPdfTable *
licenses_table (JsonArray *rows)
{
  const char *headers[] = { _("Licence number"), _("Licence"), _("Licensing authority"),
                            _("Decided on"), _("Valid until") };
  const double widths[] = { 2.2, 2.6, 2.4, 1.3, 1.3 };
  HcsPdfTable *table = hcs_pdf_table_new (5, headers, widths);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *r = json_array_get_object_element (rows, i);
      const char *cells[] = { member (r, "license_no"), member (r, "license_name"), member (r, "authority"),
                              member (r, "decided_on"), or_none (member (r, "valid_until")) };

      hcs_pdf_table_add_row (table, cells);
    }
  return table;
}

static HcsPdfTable *
penalties_table (JsonArray *rows)
{
  const char *headers[] = { _("Decision number"), _("Penalty"), _("Authority"), _("Decided on"),
                            _("Fine (yuan)"), _("Publicity until") };
  const double widths[] = { 2.4, 1.6, 2.4, 1.3, 1.2, 1.3 };
  HcsPdfTable *table = hcs_pdf_table_new (6, headers, widths);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *r = json_array_get_object_element (rows, i);
      g_autofree char *amount = amount_text (r);
      const char *cells[] = { member (r, "decision_no"), penalty_category_label (member (r, "category")),
                              member (r, "authority"), member (r, "decided_on"), amount,
                              member (r, "publicity_ends") };

      hcs_pdf_table_add_row (table, cells);
    }
  return table;
}

static HcsPdfTable *
commitments_table (JsonArray *rows)
{
  const char *headers[] = { _("Commitment number"), _("Matter committed to"), _("Accepting authority"),
                            _("Committed on"), _("Fulfilment"), _("Checked on / note") };
  const double widths[] = { 1.9, 2.4, 2.0, 1.3, 1.1, 2.0 };
  HcsPdfTable *table = hcs_pdf_table_new (6, headers, widths);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *r = json_array_get_object_element (rows, i);
      const char *on = member (r, "fulfilment_on"), *note = member (r, "fulfilment_note");
      g_autofree char *checked = g_strdup_printf ("%s%s%s", on, *on && *note ? "\n" : "", note);
      const char *cells[] = { member (r, "commitment_no"), member (r, "matter"), member (r, "authority"),
                              member (r, "committed_on"), fulfilment_label (member (r, "fulfilment")),
                              or_none (checked) };

      hcs_pdf_table_add_row (table, cells);
    }
  return table;
}

static HcsPdfTable *
entries_table (JsonArray *rows)
{
  const char *headers[] = { _("List"), _("State"), _("Designating department"), _("Legal basis"),
                            _("Published") };
  const double widths[] = { 1.6, 1.1, 2.2, 3.4, 1.7 };
  HcsPdfTable *table = hcs_pdf_table_new (5, headers, widths);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *r = json_array_get_object_element (rows, i);
      g_autofree char *period = g_strdup_printf ("%s – %s", or_none (member (r, "published_from")),
                                                 or_none (member (r, "published_until")));
      const char *cells[] = { member (r, "list_name"), entry_state_label (member (r, "state")),
                              member (r, "department_name"), member (r, "basis"), period };

      hcs_pdf_table_add_row (table, cells);
    }
  return table;
}

static HcsPdfTable *
repairs_table (JsonArray *rows)
{
  const char *headers[] = { _("Repaired"), _("Reason"), _("Applied on"), _("Decided on") };
  const double widths[] = { 2.4, 4.0, 1.4, 1.4 };
  HcsPdfTable *table = hcs_pdf_table_new (4, headers, widths);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *r = json_array_get_object_element (rows, i);
      g_autofree char *what = NULL;

      if (g_strcmp0 (member (r, "repair_kind"), "penalty") == 0)
        what = *member (r, "penalty_decision_no")
                 ? g_strdup_printf (_("Penalty information (%s)"), member (r, "penalty_decision_no"))
                 : g_strdup (_("Penalty information"));
      else
        what = g_strdup_printf (_("List entry (%s)"), or_none (member (r, "list_name")));
      {
        const char *cells[] = { what, member (r, "reason"), member (r, "applied_on"),
                                or_none (member (r, "decided_on")) };

        hcs_pdf_table_add_row (table, cells);
      }
    }
  return table;
}

static const char *
inspection_result_label (const char *key)
{
  if (g_strcmp0 (key, "fail") == 0)
    return _("Failed");
  if (g_strcmp0 (key, "rectify") == 0)
    return _("Rectification ordered");
  return key;
}

static HcsPdfTable *
inspections_table (JsonArray *rows)
{
  const char *headers[] = { _("Inspection result"), _("Inspection plan"), _("Inspecting department"),
                            _("Recorded on"), _("Findings") };
  const double widths[] = { 1.3, 2.4, 2.2, 1.3, 3.0 };
  HcsPdfTable *table = hcs_pdf_table_new (5, headers, widths);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *r = json_array_get_object_element (rows, i);
      const char *cells[] = { inspection_result_label (member (r, "result")), member (r, "plan_title"),
                              member (r, "department_name"), member (r, "recorded_on"),
                              or_none (member (r, "note")) };

      hcs_pdf_table_add_row (table, cells);
    }
  return table;
}

static char *
footer_text (guint    page,
             guint    n_pages,
             gpointer user_data)
{
  const char *number = user_data;

  /* TRANSLATORS: the footer of each page of a credit report: its number, the page and the page count */
  return g_strdup_printf (_("Report %s · page %u of %u"), number, page, n_pages);
}

/**
 * hcs_report_render:
 * @n_pages: (out) (optional): its number of pages
 *
 * Returns: (transfer full): the report as a PDF file, or %NULL with @error set
 */
GBytes *
hcs_report_render (const HcsReport  *report,
                   guint            *n_pages,
                   GError          **error)
{
  g_autoptr(HcsPdf) pdf = NULL;
  g_autofree char *header = NULL;
  g_autofree char *verify = NULL;

  g_return_val_if_fail (report != NULL && report->number != NULL && report->subject != NULL, NULL);

  header = g_strdup_printf (_("Report number %s"), report->number);
  pdf = hcs_pdf_new (_("Public credit information report"), header, footer_text, (gpointer) report->number);
  hcs_pdf_add_title (pdf, _("Public credit information report"));
  hcs_pdf_add_note (pdf, _("Issued by the Hainan public credit information platform from the public credit information held on the subject at the time of issue."));
  add_identity (pdf, report);
  add_section (pdf, _("2. Administrative licences"), licenses_table (report->licenses), report->more[0]);
  add_section (pdf, _("3. Administrative penalties under publicity"), penalties_table (report->penalties),
               report->more[1]);
  add_section (pdf, _("4. Credit commitments and their fulfilment"), commitments_table (report->commitments),
               report->more[2]);
  add_section (pdf, _("5. Red, black and watch list entries"), entries_table (report->list_entries),
               report->more[3]);
  add_section (pdf, _("6. Credit repairs"), repairs_table (report->repairs), report->more[4]);
  add_section (pdf, _("7. Random inspections found wanting (双随机、一公开)"),
               inspections_table (report->inspections), report->more[5]);

  hcs_pdf_add_heading (pdf, _("8. Notes"));
  hcs_pdf_add_paragraph (pdf, _("This report shows public information only: information that the credit information catalog shares conditionally or does not disclose is not part of it. Penalties are listed while under publicity; a repaired penalty is no longer listed. Random inspections are listed when they found the subject wanting (ordered to rectify, or failed), as their results were published."));
  verify = g_strdup_printf (_("To verify this report, look up report number %s on the platform (GET /api/v1/reports/%s) and compare the SHA-256 checksum of this file with the one recorded there; they are the same for an unaltered report."),
                            report->number, report->number);
  hcs_pdf_add_paragraph (pdf, verify);
  return hcs_pdf_render (pdf, n_pages, error);
}
