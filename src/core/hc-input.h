/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules every name and text typed by a person keeps, on the server and
 * in the app: no control characters, no NUL, no line breaks in a name, no
 * bidirectional controls, not only invisible characters, NFC. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HC_INPUT_ERROR (hc_input_error_quark ())

typedef enum
{
  HC_INPUT_ERROR_NOT_UTF8,
  HC_INPUT_ERROR_NUL,
  HC_INPUT_ERROR_CONTROL,
  HC_INPUT_ERROR_LINE_BREAK,
  HC_INPUT_ERROR_BIDI,
  HC_INPUT_ERROR_INVISIBLE,
} HcInputError;

typedef enum
{
  HC_INPUT_LINE,        /* a name, a title, a key: one line, trimmed */
  HC_INPUT_MULTILINE,   /* facts, reasons, notes: line breaks and tabs allowed */
} HcInputKind;

GQuark   hc_input_error_quark (void);
char    *hc_input_clean       (const char   *text,
                               gssize        len,
                               HcInputKind   kind,
                               GError      **error);
gboolean hc_input_is_blank    (const char   *text);
gboolean hc_input_is_invisible (gunichar     c);
gboolean hc_input_is_bidi_control (gunichar  c);
gboolean hc_input_is_nfc_stable (const char  *text,
                                 gssize       len);

G_END_DECLS
