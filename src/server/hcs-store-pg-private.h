/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The libpq side of HcsPg, for the PostgreSQL store files only
 * (hcs-store-pg*.c). */
#pragma once

#include <libpq-fe.h>

#include "hcs-store-pg.h"

G_BEGIN_DECLS

PGconn       *hcs_pg_get_conn               (HcsPg         *self);
PGresult     *hcs_pg_wait                   (HcsPg         *self,
                                             gboolean       sent);
gboolean      hcs_pg_set_error              (HcsPg         *self,
                                             PGresult      *result,
                                             GError       **error);
char         *hcs_pg_single_text            (HcsPg         *self,
                                             const char    *sql,
                                             int            n_params,
                                             const char    *const *params,
                                             GError       **error);
gboolean      hcs_pg_lock_migrations        (HcsPg         *self,
                                             GError       **error);
/* COPY … FROM STDIN (hcs-store-pg-bulk.c): a value in its text format,
 * and a whole COPY of the lines in @data (emptied). */
gboolean      hcs_pg_copy_append_text       (GString       *s,
                                             const char    *text,
                                             gssize         len);
void          hcs_pg_copy_append_value      (GString       *s,
                                             const char    *text);
gboolean      hcs_pg_copy_send              (HcsPg         *self,
                                             const char    *copy,
                                             GString       *data,
                                             GError       **error);

G_END_DECLS
