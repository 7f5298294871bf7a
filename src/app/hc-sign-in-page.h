/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSignInPage: server address, user name and password for a remote server. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_SIGN_IN_PAGE (hc_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (HcSignInPage, hc_sign_in_page, HC, SIGN_IN_PAGE, GtkWidget)

HcClient   *hc_sign_in_page_get_client      (HcSignInPage *self);
void        hc_sign_in_page_set_client      (HcSignInPage *self,
                                             HcClient     *client);
void        hc_sign_in_page_set_server_url  (HcSignInPage *self,
                                             const char   *url);
void        hc_sign_in_page_set_credentials (HcSignInPage *self,
                                             const char   *username,
                                             const char   *password);
void        hc_sign_in_page_set_reason      (HcSignInPage *self,
                                             const char   *reason);
void        hc_sign_in_page_submit          (HcSignInPage *self);
const char *hc_sign_in_page_get_error_text  (HcSignInPage *self);
gboolean    hc_sign_in_page_get_busy        (HcSignInPage *self);

G_END_DECLS
