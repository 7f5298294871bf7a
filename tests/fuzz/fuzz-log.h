/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every fuzz target includes this: from before its first input, a
 * critical or an error logged (a g_return_if_fail() broken, a route that left a request without
 * an answer) aborts. G_DEBUG=fatal-criticals would trap instead, and
 * libFuzzer writes no reproducer for a trap; nor would the replay in the
 * ordinary test build (fuzz-replay.c) fail on a critical at all. */
#pragma once

#include <stdlib.h>

#include <glib.h>

static GLogWriterOutput
fuzz_log_abort_on_critical (GLogLevelFlags   level,
                            const GLogField *fields,
                            gsize            n_fields,
                            gpointer         user_data)
{
  GLogWriterOutput out = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    abort ();
  return out;
}

__attribute__ ((constructor)) static void
fuzz_log_install (void)
{
  g_log_set_writer_func (fuzz_log_abort_on_critical, NULL, NULL);
}
