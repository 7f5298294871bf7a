/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The HTTP layer's own defences: body limits while the body arrives,
 * refusals that do not read the rest, and time limits on connections. */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Default time limits, in seconds (hncredit-server --idle-timeout,
 * --request-timeout). */
#define HCS_DEFAULT_IDLE_TIMEOUT    60
#define HCS_DEFAULT_REQUEST_TIMEOUT 30

/* A body slower than this many bytes per request-timeout period is cut off. */
#define HCS_MIN_BODY_BYTES_PER_PERIOD 4096

void     hcs_http_guard_install_idle_timeout (guint              seconds);
void     hcs_http_guard_watch_server         (SoupServer        *soup);
void     hcs_http_guard_watch_request        (SoupServerMessage *msg,
                                              guint              request_timeout);
void     hcs_http_guard_limit_body           (SoupServerMessage *msg,
                                              gsize              max_body);
gboolean hcs_http_guard_body_expected        (SoupServerMessage *msg);
void     hcs_http_guard_refuse_now           (SoupServerMessage *msg);

G_END_DECLS
