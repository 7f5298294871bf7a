/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The holiday calendar: a JSON file of the State Council's 放假 days and
 * 调休 working days (data/holidays-cn.json), loaded once at start. With it,
 * a legal deadline of n days counts n working days (Monday to Friday, less
 * the holidays, plus the 调休 weekend days); without it, or for days the
 * calendar does not cover, n calendar days. A case keeps the rule it was
 * counted by, so a later calendar does not move its deadline. */
#define G_LOG_DOMAIN "hcs-holidays"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "hcs-holidays.h"
#include "hcs-list-rules.h"

struct _HcsHolidays
{
  char       *name;
  int         first_year;
  int         last_year;
  GHashTable *holidays;   /* julian day → itself */
  GHashTable *workdays;
};

/* Set once at start, before any request; read-only after. */
static HcsHolidays *default_holidays;

void
hcs_holidays_free (HcsHolidays *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_clear_pointer (&self->holidays, g_hash_table_unref);
  g_clear_pointer (&self->workdays, g_hash_table_unref);
  g_free (self);
}

static gboolean
read_days (JsonObject   *root,
           const char   *member,
           HcsHolidays  *self,
           GHashTable   *into,
           GError      **error)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("“%s” must be a list of dates (YYYY-MM-DD)."), member);
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *day = json_array_get_element (array, i);
      const char *text = JSON_NODE_HOLDS_VALUE (day) && json_node_get_value_type (day) == G_TYPE_STRING
                         ? json_node_get_string (day) : NULL;
      GDate date;
      guint julian;

      if (text == NULL || !hcs_date_parse (text, &date))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       _("Item %u of “%s” is not a date (YYYY-MM-DD)."), i + 1, member);
          return FALSE;
        }
      if (g_date_get_year (&date) < self->first_year || g_date_get_year (&date) > self->last_year)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       _("%s in “%s” lies outside the years the calendar covers (%d–%d)."), text, member,
                       self->first_year, self->last_year);
          return FALSE;
        }
      julian = g_date_get_julian (&date);
      if (into == self->workdays && g_date_get_weekday (&date) < G_DATE_SATURDAY)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       _("%s in “workdays” is a weekday: list only the Saturdays and Sundays that are working days (调休)."),
                       text);
          return FALSE;
        }
      if (into == self->workdays && g_hash_table_contains (self->holidays, GUINT_TO_POINTER (julian)))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       _("%s is both a holiday and a working day."), text);
          return FALSE;
        }
      g_hash_table_add (into, GUINT_TO_POINTER (julian));
    }
  return TRUE;
}

static HcsHolidays *
parse (const char  *data,
       gsize        len,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(HcsHolidays) self = g_new0 (HcsHolidays, 1);
  JsonNode *node;
  JsonObject *root;
  JsonArray *years;
  const char *name;

  if (!json_parser_load_from_data (parser, data, (gssize) len, error))
    return NULL;
  /* A file of white space alone parses, to no root at all. */
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("The file is not a JSON object."));
      return NULL;
    }
  root = json_node_get_object (node);
  name = json_object_get_string_member_with_default (root, "name", NULL);
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("“name” must name the calendar."));
      return NULL;
    }
  years = json_object_has_member (root, "years") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "years"))
          ? json_object_get_array_member (root, "years") : NULL;
  if (years == NULL || json_array_get_length (years) != 2 ||
      (self->first_year = (int) json_array_get_int_element (years, 0)) < 2000 ||
      (self->last_year = (int) json_array_get_int_element (years, 1)) < self->first_year ||
      self->last_year > 2100)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           _("“years” must give the first and last year the calendar covers, e.g. [2025, 2026]."));
      return NULL;
    }
  self->name = g_strdup (name);
  self->holidays = g_hash_table_new (NULL, NULL);
  self->workdays = g_hash_table_new (NULL, NULL);
  if (!read_days (root, "holidays", self, self->holidays, error) ||
      !read_days (root, "workdays", self, self->workdays, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * hcs_holidays_load:
 *
 * Returns: (transfer full): the calendar, or %NULL with @error saying what
 *   is wrong with the file (which the message names)
 */
HcsHolidays *
hcs_holidays_load (const char  *path,
                   GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  HcsHolidays *self;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &len, &local) ||
      (self = parse (data, len, &local)) == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("The holiday calendar %s: %s"), path,
                   local->message);
      return NULL;
    }
  return self;
}

const char *
hcs_holidays_get_name (HcsHolidays *self)
{
  return self->name;
}

gboolean
hcs_holidays_covers (HcsHolidays *self,
                     const GDate *date)
{
  return g_date_get_year (date) >= self->first_year && g_date_get_year (date) <= self->last_year;
}

gboolean
hcs_holidays_is_working_day (HcsHolidays *self,
                             const GDate *date)
{
  gpointer julian = GUINT_TO_POINTER (g_date_get_julian (date));

  if (g_hash_table_contains (self->workdays, julian))
    return TRUE;
  if (g_hash_table_contains (self->holidays, julian))
    return FALSE;
  return g_date_get_weekday (date) < G_DATE_SATURDAY;
}

/**
 * hcs_holidays_default_path:
 *
 * Returns: (transfer full): the installed calendar, or, when the server
 *   runs from its build tree and none is installed, the source tree's
 */
char *
hcs_holidays_default_path (void)
{
  const char *installed = PKGDATADIR "/holidays-cn.json";
  const char *source = HC_SOURCE_ROOT "/data/holidays-cn.json";

  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (source, G_FILE_TEST_EXISTS))
    return g_strdup (source);
  return g_strdup (installed);
}

/* Takes @holidays (nullable: deadlines in calendar days). */
void
hcs_holidays_set_default (HcsHolidays *holidays)
{
  g_clear_pointer (&default_holidays, hcs_holidays_free);
  default_holidays = holidays;
}

/* Returns: (transfer none) (nullable): the calendar loaded at start */
HcsHolidays *
hcs_holidays_get_default (void)
{
  return default_holidays;
}

void
hcs_deadline_clear (HcsDeadline *deadline)
{
  g_clear_pointer (&deadline->date, g_free);
}

/**
 * hcs_deadline_count:
 * @from: the day the time starts (YYYY-MM-DD); counting starts the day after
 *
 * Counts a deadline of @days days from @from under the calendar in force:
 * @days working days when a calendar is loaded and covers every day
 * counted, else @days calendar days. @out->calendar names the loaded
 * calendar either way, so a case can say why it counts calendar days.
 *
 * Returns: %FALSE when @from is not a date
 */
gboolean
hcs_deadline_count (const char  *from,
                    int          days,
                    HcsDeadline *out)
{
  HcsHolidays *holidays = default_holidays;
  GDate day;
  int counted = 0;

  g_return_val_if_fail (days > 0, FALSE);

  out->days = days;
  out->calendar = holidays ? holidays->name : NULL;
  if (!hcs_date_parse (from, &day))
    return FALSE;
  if (holidays != NULL && hcs_holidays_covers (holidays, &day))
    {
      while (counted < days)
        {
          g_date_add_days (&day, 1);
          if (!hcs_holidays_covers (holidays, &day))
            break;
          if (hcs_holidays_is_working_day (holidays, &day))
            counted++;
        }
      if (counted == days)
        {
          out->rule = "working_days";
          out->date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                                       g_date_get_day (&day));
          return TRUE;
        }
    }
  out->rule = "calendar_days";
  out->date = hcs_date_add_days (from, days);
  return out->date != NULL;
}
