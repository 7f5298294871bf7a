/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the hcs-request*.c files share: the request itself. Routes see
 * only hcs-request.h. */
#pragma once

#include "hcs-request.h"

G_BEGIN_DECLS

struct _HcsRequest
{
  gatomicrefcount    ref_count;
  SoupServerMessage *msg;
  HcsStore          *store;
  HcsStore          *primary;      /* while a GET reads from the replica (--db-read): the primary */
  GHashTable        *params;
  GHashTable        *query;
  JsonNode          *json;
  GPtrArray         *strings;      /* the clean (NFC) texts the field readers answered */
  HcsActor           actor;
  GArray            *if_match;     /* the strong tags of If-Match that can be ours */
  guint              if_match_any : 1;
  guint              authenticated : 1;
  guint              replied : 1;
  guint              json_parsed : 1;
  guint              unmasked : 1;
  guint              deferred : 1;
  GMainContext      *context;   /* the worker's, while deferred */
  /* Export mode (hcs-export.c): the route's pages go to the export. */
  guint              exporting : 1;
  char              *export_cursor;
  JsonArray         *export_rows;
  char              *export_next;
};

/* The answer boundary: the role whose view of ID numbers an answer takes. */
HcRole hcs_request_mask_role (HcsRequest *self);

G_END_DECLS
