/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsRouter: the table of API routes, matched by method and path. */
#pragma once

#include "hcs-request.h"

G_BEGIN_DECLS

typedef void (*HcsRouteFunc) (HcsRequest *request);

typedef enum
{
  HCS_ACCESS_PUBLIC,       /* no token needed */
  HCS_ACCESS_ANALYST,      /* any signed-in user */
  HCS_ACCESS_SUPERVISOR,
  HCS_ACCESS_ADMIN,
} HcsAccess;

/* JSON requests are small; a route that takes more says so. */
#define HCS_DEFAULT_MAX_BODY (1024 * 1024)

typedef struct
{
  const char   *method;    /* "GET", "POST", … */
  const char   *pattern;   /* under /api/v1: "/subjects/{identifier}" */
  HcsRouteFunc  func;
  HcsAccess     access;    /* the least role that may call it at all */
  gsize         max_body;  /* 0: HCS_DEFAULT_MAX_BODY */
  gboolean      unbounded; /* work of minutes (an import, a publication): no
                            * bound on its statements' wait over PostgreSQL
                            * (HNCREDIT_DB_TIMEOUT, hcs-server.c); a route
                            * answering at once only (not deferred) */
} HcsRoute;

typedef struct _HcsRouter HcsRouter;

HcsRouter      *hcs_router_new         (void);
void            hcs_router_free        (HcsRouter       *self);
void            hcs_router_add         (HcsRouter       *self,
                                        const HcsRoute  *routes,
                                        guint            n_routes);
const HcsRoute *hcs_router_match       (HcsRouter       *self,
                                        const char      *method,
                                        const char      *path,
                                        GHashTable     **params,
                                        gboolean        *path_known);
guint           hcs_router_get_n       (HcsRouter       *self);
const HcsRoute *hcs_router_get         (HcsRouter       *self,
                                        guint            i);

/* Every resource's routes, registered by hcs-routes.c. */
HcsRouter      *hcs_routes_new_router  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsRouter, hcs_router_free)

G_END_DECLS
