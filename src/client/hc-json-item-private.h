/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Items that keep the server's JSON object as it came and answer their
 * read-only properties from its members (HcMatchRun, HcMatchHit,
 * HcMatchClearance, HcRepair): a table says which property reads which
 * member. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;    /* the property, "subject-name" */
  const char *member;  /* the JSON member, "subject_name" */
  GType       type;    /* G_TYPE_STRING, G_TYPE_INT64 or G_TYPE_BOOLEAN */
} HcJsonProp;

/* Installs @props as properties 1…n_props of @klass. */
void        _hc_json_props_install (GObjectClass     *klass,
                                    const HcJsonProp *props,
                                    guint             n_props);
/* Sets @value to property @prop_id (1-based) read from @obj: a missing or
 * null member reads as NULL, 0 or FALSE. */
void        _hc_json_props_get     (JsonObject       *obj,
                                    const HcJsonProp *props,
                                    guint             n_props,
                                    guint             prop_id,
                                    GValue           *value);
const char *_hc_json_string_or_null (JsonObject      *obj,
                                    const char       *member);
gint64      _hc_json_int            (JsonObject      *obj,
                                    const char       *member);
gboolean    _hc_json_bool           (JsonObject      *obj,
                                    const char       *member);
/* Whether @obj has @member as an integer > 0 (an id). */
gboolean    _hc_json_has_id         (JsonObject      *obj,
                                    const char       *member);
/* The server's UTC time (ISO 8601) as the user's local minute. */
char       *_hc_json_local_minute   (const char      *at);

G_END_DECLS
