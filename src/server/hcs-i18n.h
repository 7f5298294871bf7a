/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reader's language for what the server writes for people to read
 * (exports): chosen by the request's Accept-Language, not by the server's
 * locale, and looked up in the message catalog of that language. */
#pragma once

#include "hcs-request.h"

G_BEGIN_DECLS

/* The languages the server writes in. */
typedef enum
{
  HCS_LANGUAGE_CHINESE,   /* zh_CN, the office's: the default */
  HCS_LANGUAGE_ENGLISH,   /* the msgids */
} HcsLanguage;

HcsLanguage  hcs_i18n_language_of_header (const char  *accept_language);
HcsLanguage  hcs_i18n_request_language   (HcsRequest  *req);
const char  *hcs_i18n_text               (HcsLanguage  language,
                                          const char  *context,
                                          const char  *text);

G_END_DECLS
