/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 统一社会信用代码 (GB 32100-2015) and 组织机构代码 (GB 11714) check characters. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HC_USCC_LENGTH 18

/**
 * HC_USCC_ERROR:
 *
 * Error domain for hc_uscc_validate(); codes are #HcUsccError.
 */
#define HC_USCC_ERROR (hc_uscc_error_quark ())

/**
 * HcUsccError:
 * @HC_USCC_ERROR_EMPTY: nothing was entered
 * @HC_USCC_ERROR_LENGTH: not 18 characters
 * @HC_USCC_ERROR_CHARSET: a character outside "0123456789ABCDEFGHJKLMNPQRTUWXY"
 * @HC_USCC_ERROR_ORG_CHECK: the 组织机构代码 check character (position 17) is wrong
 * @HC_USCC_ERROR_CHECK: the final check character (position 18) is wrong
 */
typedef enum
{
  HC_USCC_ERROR_EMPTY,
  HC_USCC_ERROR_LENGTH,
  HC_USCC_ERROR_CHARSET,
  HC_USCC_ERROR_ORG_CHECK,
  HC_USCC_ERROR_CHECK,
} HcUsccError;

GQuark      hc_uscc_error_quark       (void);
char       *hc_uscc_normalize         (const char *input);
gboolean    hc_uscc_validate          (const char  *input,
                                       char       **normalized,
                                       GError     **error);
char        hc_uscc_compute_check     (const char *first17);
char        hc_org_code_compute_check (const char *first8);
char       *hc_uscc_generate          (GRand      *rand,
                                       const char *region_code);
const char *hc_uscc_region_code       (const char *uscc);

G_END_DECLS
