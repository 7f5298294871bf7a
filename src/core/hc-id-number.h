/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 公民身份号码 (GB 11643-1999): checking, masking and generating. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HC_ID_NUMBER_LENGTH 18
/* The first-generation number (1984-2004): 15 digits, no check character. */
#define HC_ID_NUMBER_LENGTH_15 15

/**
 * HC_ID_NUMBER_ERROR:
 *
 * Error domain for hc_id_number_validate(); codes are #HcIdNumberError.
 */
#define HC_ID_NUMBER_ERROR (hc_id_number_error_quark ())

/**
 * HcIdNumberError:
 * @HC_ID_NUMBER_ERROR_EMPTY: nothing was entered
 * @HC_ID_NUMBER_ERROR_LENGTH: not 18 characters
 * @HC_ID_NUMBER_ERROR_CHARSET: not 17 digits followed by a digit or X
 * @HC_ID_NUMBER_ERROR_DATE: the birth date (positions 7 to 14) is not a real
 *   date between 1900-01-01 and today
 * @HC_ID_NUMBER_ERROR_CHECK: the check character (position 18) is wrong
 */
typedef enum
{
  HC_ID_NUMBER_ERROR_EMPTY,
  HC_ID_NUMBER_ERROR_LENGTH,
  HC_ID_NUMBER_ERROR_CHARSET,
  HC_ID_NUMBER_ERROR_DATE,
  HC_ID_NUMBER_ERROR_CHECK,
} HcIdNumberError;

GQuark   hc_id_number_error_quark   (void);
char    *hc_id_number_normalize     (const char *input);
gboolean hc_id_number_validate      (const char  *input,
                                     char       **normalized,
                                     GError     **error);
char     hc_id_number_compute_check (const char *first17);
char    *hc_id_number_mask          (const char *id);
char    *hc_id_number_generate      (GRand      *rand,
                                     const char *region_code);

G_END_DECLS
