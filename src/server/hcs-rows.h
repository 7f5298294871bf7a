/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsRows: the rows a statement read, kept as plain values (integers,
 * texts in one buffer) rather than a JsonObject a row, and written as JSON
 * text straight from them (issue 12: a page of 200 subjects built, written
 * and freed as json-glib nodes was most of the answer's instructions). The
 * text goes through the answer boundary like any JSON answer
 * (hcs_request_reply_bytes() masks it). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _HcsRows HcsRows;

/* Filled by the store (hcs_store_rows_read()), in column order a row. */
HcsRows     *hcs_rows_new              (guint                n_columns,
                                        const char * const  *names);
void         hcs_rows_add_int          (HcsRows             *self,
                                        gint64               value);
void         hcs_rows_add_double       (HcsRows             *self,
                                        double               value);
void         hcs_rows_add_text         (HcsRows             *self,
                                        const char          *text,
                                        gsize                len);
void         hcs_rows_add_null         (HcsRows             *self);
void         hcs_rows_free             (HcsRows             *self);

guint        hcs_rows_get_n_rows       (HcsRows             *self);
/* The index of the column @name, or -1. */
int          hcs_rows_column           (HcsRows             *self,
                                        const char          *name);
gint64       hcs_rows_get_int          (HcsRows             *self,
                                        guint                row,
                                        int                  column);
/* %NULL for SQL NULL (and for a number). */
const char  *hcs_rows_get_text         (HcsRows             *self,
                                        guint                row,
                                        int                  column);
void         hcs_rows_reverse          (HcsRows             *self);
void         hcs_rows_truncate         (HcsRows             *self,
                                        guint                n_rows);

/* Writes the row's columns as the members of a JSON object, without its
 * braces: "id":1,"name":"…",… */
void         hcs_rows_append_members   (HcsRows             *self,
                                        guint                row,
                                        GString             *out);
/* The row as hcs_store_row_object() makes it, for the callers that still
 * take objects (exports, audit entries). */
JsonObject  *hcs_rows_get_object       (HcsRows             *self,
                                        guint                row);

/* Appends @text (UTF-8; @len -1 for NUL-terminated) as a JSON string with
 * its quotes: '"', '\\' and control characters escaped, bytes that are not
 * UTF-8 written as U+FFFD, so that the answer is always valid JSON. */
void         hcs_json_append_string    (GString             *out,
                                        const char          *text,
                                        gssize               len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsRows, hcs_rows_free)

G_END_DECLS
