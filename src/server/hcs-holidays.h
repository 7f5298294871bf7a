/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The holiday calendar (法定节假日 and 调休) that legal deadlines count
 * working days by, and the deadline rule in force. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HcsHolidays HcsHolidays;

HcsHolidays *hcs_holidays_load             (const char   *path,
                                            GError      **error);
void         hcs_holidays_free             (HcsHolidays  *self);
const char  *hcs_holidays_get_name         (HcsHolidays  *self);
gboolean     hcs_holidays_covers           (HcsHolidays  *self,
                                            const GDate  *date);
gboolean     hcs_holidays_is_working_day   (HcsHolidays  *self,
                                            const GDate  *date);
char        *hcs_holidays_default_path     (void);
void         hcs_holidays_set_default      (HcsHolidays  *holidays);
HcsHolidays *hcs_holidays_get_default      (void);

/* A deadline and the rule that counted it, as a case keeps them. */
typedef struct
{
  char       *date;        /* YYYY-MM-DD */
  const char *rule;        /* "working_days" or "calendar_days" */
  int         days;
  const char *calendar;    /* the calendar's name when one is loaded, else NULL */
} HcsDeadline;

gboolean     hcs_deadline_count            (const char   *from,
                                            int           days,
                                            HcsDeadline  *out);
void         hcs_deadline_clear            (HcsDeadline  *deadline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsHolidays, hcs_holidays_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HcsDeadline, hcs_deadline_clear)

G_END_DECLS
