/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a request and answering it: the one place that writes error
 * bodies, ETags and pages, so every route answers the same way. Here the
 * request itself, its actor, path and query; the body's JSON fields in
 * hcs-request-body.c, If-Match and ETags in hcs-request-etag.c, the
 * answers, errors and cursors in hcs-request-reply.c. */
#define G_LOG_DOMAIN "hcs-request"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hcs-errors.h"
#include "hcs-mask.h"
#include "hcs-request-private.h"

#define DEFAULT_PAGE_LIMIT 50
#define MAX_PAGE_LIMIT     1000

/* The query's values in NFC, so that a search typed in decomposed form
 * finds the names, which are stored composed (hc_input_clean()). */
static GHashTable *
decode_query (const char *query)
{
  g_autoptr(GHashTable) raw = soup_form_decode (query);
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, raw);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      char *nfc = g_utf8_normalize (value, -1, G_NORMALIZE_NFC);

      g_hash_table_insert (out, g_strdup (key), nfc ? nfc : g_strdup (value));
    }
  return out;
}

HcsRequest *
hcs_request_new (SoupServerMessage *msg,
                 HcsStore          *store,
                 GHashTable        *params)
{
  HcsRequest *self = g_new0 (HcsRequest, 1);
  GUri *uri = soup_server_message_get_uri (msg);
  /* No URI yet when a request is refused before its headers came. */
  const char *query = uri ? g_uri_get_query (uri) : NULL;

  g_atomic_ref_count_init (&self->ref_count);
  self->msg = g_object_ref (msg);
  self->store = store;
  self->params = params ? g_hash_table_ref (params) : NULL;
  if (query != NULL)
    self->query = decode_query (query);
  return self;
}

/* Drops a reference; the last one frees the request. */
void
hcs_request_free (HcsRequest *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->msg);
  g_clear_pointer (&self->params, g_hash_table_unref);
  g_clear_pointer (&self->query, g_hash_table_unref);
  g_clear_pointer (&self->json, json_node_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->export_rows, json_array_unref);
  g_free (self->export_cursor);
  g_free (self->export_next);
  g_clear_pointer (&self->if_match, g_array_unref);
  g_free (self->actor.username);
  g_free (self);
}

/**
 * hcs_request_defer:
 *
 * For a route that answers later, from work done off the worker thread:
 * pauses the message and keeps the request alive. The route then returns;
 * the work calls hcs_request_resume() with its answer ready, on any thread.
 */
void
hcs_request_defer (HcsRequest *self)
{
  g_return_if_fail (!self->deferred && !self->replied);

  g_atomic_ref_count_inc (&self->ref_count);
  self->deferred = TRUE;
  self->context = g_main_context_ref_thread_default ();
  soup_server_message_pause (self->msg);
}

gboolean
hcs_request_is_deferred (HcsRequest *self)
{
  return self->deferred;
}

typedef struct
{
  HcsRequest     *req;
  HcsRequestFunc  func;
  gpointer        data;
  GDestroyNotify  destroy;
} Resume;

static gboolean
resume_on_worker (gpointer user_data)
{
  Resume *r = user_data;

  r->func (r->req, r->data);
  if (!r->req->replied)
    hcs_request_reply_error (r->req, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal", NULL,
                             _("The server could not complete this; nothing was changed."));
  soup_server_message_unpause (r->req->msg);
  if (r->destroy != NULL)
    r->destroy (r->data);
  hcs_request_free (r->req);
  g_free (r);
  return G_SOURCE_REMOVE;
}

/**
 * hcs_request_resume:
 * @func: called on the worker's thread (where the store may be used) to
 *   answer; the request is unpaused after it
 *
 * Ends a hcs_request_defer(). Callable from any thread.
 */
void
hcs_request_resume (HcsRequest     *self,
                    HcsRequestFunc  func,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  Resume *r = g_new0 (Resume, 1);

  g_return_if_fail (self->deferred);
  r->req = self;
  r->func = func;
  r->data = data;
  r->destroy = destroy;
  g_main_context_invoke (self->context, resume_on_worker, r);
}

SoupServerMessage *
hcs_request_get_message (HcsRequest *self)
{
  return self->msg;
}

HcsStore *
hcs_request_get_store (HcsRequest *self)
{
  return self->store;
}

/* The request's reads go to @replica (--db-read), until it writes. */
void
hcs_request_read_from (HcsRequest *self,
                       HcsStore   *replica)
{
  g_return_if_fail (self->primary == NULL);
  self->primary = self->store;
  self->store = replica;
}

/* Returns: (transfer none): the store a write of the request goes to, the
 * primary: a request that read from the replica reads from the primary
 * from then on too (a write's reads are in its transaction). */
HcsStore *
hcs_request_write_store (HcsRequest *self)
{
  if (self->primary != NULL)
    {
      self->store = self->primary;
      self->primary = NULL;
    }
  return self->store;
}

/* Returns: (nullable): the signed-in user, or %NULL on a public route */
const HcsActor *
hcs_request_get_actor (HcsRequest *self)
{
  return self->authenticated ? &self->actor : NULL;
}

void
hcs_request_set_actor (HcsRequest *self,
                       gint64      user_id,
                       const char *username,
                       HcRole      role)
{
  self->actor.user_id = user_id;
  g_free (self->actor.username);
  self->actor.username = g_strdup (username);
  self->actor.role = role;
  self->authenticated = TRUE;
}

gboolean
hcs_request_is_authenticated (HcsRequest *self)
{
  return self->authenticated;
}

gboolean
hcs_request_has_role (HcsRequest *self,
                      HcRole      role)
{
  return self->authenticated && hc_role_at_least (self->actor.role, role);
}

/* Answers 403 and returns %FALSE when the user's role is below @role. */
gboolean
hcs_request_require_role (HcsRequest *self,
                          HcRole      role)
{
  if (hcs_request_has_role (self, role))
    return TRUE;
  hcs_request_reply_error (self, HCS_ERR_FORBIDDEN, NULL,
                           _("This needs the role “%s”; you are signed in as “%s”."),
                           hc_role_label (role),
                           self->authenticated ? hc_role_label (self->actor.role) : "-");
  return FALSE;
}

/**
 * hcs_request_masks_id_numbers:
 *
 * Returns: whether this request's answer masks 居民身份证号码: for every
 *   reader but an administrator, unless hcs_request_unmask() was called
 */
gboolean
hcs_request_masks_id_numbers (HcsRequest *self)
{
  if (self->unmasked)
    return FALSE;
  return !self->authenticated || !hcs_mask_role_sees_id_numbers (self->actor.role);
}

/**
 * hcs_request_unmask:
 *
 * Lets this one answer show ID numbers in full. Only for a supervisor's
 * explicit unmasking, after its audit entry is committed.
 */
void
hcs_request_unmask (HcsRequest *self)
{
  self->unmasked = TRUE;
}

HcRole
hcs_request_mask_role (HcsRequest *self)
{
  return hcs_request_masks_id_numbers (self) ? HC_ROLE_ANALYST : HC_ROLE_ADMIN;
}

gboolean
hcs_request_has_replied (HcsRequest *self)
{
  return self->replied;
}

const char *
hcs_request_get_method (HcsRequest *self)
{
  return soup_server_message_get_method (self->msg);
}

const char *
hcs_request_get_header (HcsRequest *self,
                        const char *name)
{
  return soup_message_headers_get_one (soup_server_message_get_request_headers (self->msg), name);
}

/* The load balancers whose X-Forwarded-For is believed (--trusted-proxy):
 * set once at start, before any request. */
static GPtrArray *trusted_proxies;   /* GInetAddress */

/**
 * hcs_request_set_trusted_proxies:
 * @addresses: (nullable): IP addresses, e.g. nginx's 127.0.0.1
 *
 * A request from one of @addresses is taken to come from the address its
 * X-Forwarded-For ends with (the one that proxy wrote). FALSE with @error
 * set when one is not an IP address.
 */
gboolean
hcs_request_set_trusted_proxies (const char *const  *addresses,
                                 GError            **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; addresses != NULL && addresses[i] != NULL; i++)
    {
      GInetAddress *address = g_inet_address_new_from_string (addresses[i]);

      if (address == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--trusted-proxy takes the IP address of a load balancer, e.g. 127.0.0.1, not “%s”"),
                       addresses[i]);
          return FALSE;
        }
      g_ptr_array_add (list, address);
    }
  g_clear_pointer (&trusted_proxies, g_ptr_array_unref);
  if (list->len > 0)
    trusted_proxies = g_steal_pointer (&list);
  return TRUE;
}

static gboolean
is_trusted_proxy (const char *host)
{
  g_autoptr(GInetAddress) address = host ? g_inet_address_new_from_string (host) : NULL;

  if (address == NULL || trusted_proxies == NULL)
    return FALSE;
  for (guint i = 0; i < trusted_proxies->len; i++)
    if (g_inet_address_equal (address, g_ptr_array_index (trusted_proxies, i)))
      return TRUE;
  return FALSE;
}

/**
 * hcs_request_dup_client_address:
 *
 * The client's address: the peer's, or, when the peer is a trusted proxy,
 * the last address of the X-Forwarded-For it wrote (when that is an IP
 * address). What a client writes there itself is never believed.
 */
char *
hcs_request_dup_client_address (HcsRequest *self)
{
  const char *peer = soup_server_message_get_remote_host (self->msg);
  const char *forwarded;

  if (!is_trusted_proxy (peer))
    return g_strdup (peer);
  forwarded = soup_message_headers_get_list (soup_server_message_get_request_headers (self->msg),
                                             "X-Forwarded-For");
  if (forwarded != NULL)
    {
      const char *comma = strrchr (forwarded, ',');
      g_autofree char *last = g_strstrip (g_strdup (comma ? comma + 1 : forwarded));

      if (g_hostname_is_ip_address (last))
        return g_steal_pointer (&last);
    }
  return g_strdup (peer);
}

/* A path parameter, e.g. "identifier" of /subjects/{identifier}. */
const char *
hcs_request_param (HcsRequest *self,
                   const char *name)
{
  return self->params ? g_hash_table_lookup (self->params, name) : NULL;
}

/* Returns: (nullable): the query parameter, %NULL when absent or empty */
const char *
hcs_request_query (HcsRequest *self,
                   const char *name)
{
  const char *v = self->query ? g_hash_table_lookup (self->query, name) : NULL;

  return (v != NULL && *v != '\0') ? v : NULL;
}

/**
 * hcs_request_query_int:
 *
 * Reads an integer query parameter in [@min, @max], @fallback when absent.
 * Answers 400 and returns %FALSE when it is not such a number.
 */
gboolean
hcs_request_query_int (HcsRequest *self,
                       const char *name,
                       gint64      min,
                       gint64      max,
                       gint64      fallback,
                       gint64     *out)
{
  const char *v = hcs_request_query (self, name);
  gint64 n;

  if (v == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (v, 10, min, max, &n, NULL))
    {
      hcs_request_reply_error (self, HCS_ERR_INVALID_PARAMETER, name,
                               _("The parameter “%s” must be a whole number from %lld to %lld."),
                               name, (long long) min, (long long) max);
      return FALSE;
    }
  *out = n;
  return TRUE;
}

/**
 * hcs_request_query_bool:
 * @out: (out): TRUE for 1/true/yes, FALSE for 0/false/no or when absent
 *
 * Reads a yes-or-no query parameter. Any other value (2, -1, maybe) is not
 * read as "no": it answers 400 `invalid_parameter` naming the parameter and
 * returns %FALSE.
 */
gboolean
hcs_request_query_bool (HcsRequest *self,
                        const char *name,
                        gboolean   *out)
{
  static const char * const yes[] = { "1", "true", "yes" };
  static const char * const no[] = { "0", "false", "no" };
  const char *v = hcs_request_query (self, name);

  *out = FALSE;
  if (v == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (v, yes[i]) == 0)
        {
          *out = TRUE;
          return TRUE;
        }
      if (g_ascii_strcasecmp (v, no[i]) == 0)
        return TRUE;
    }
  hcs_request_reply_error (self, HCS_ERR_INVALID_PARAMETER, name,
                           _("The parameter “%s” is 1 (yes) or 0 (no)."), name);
  return FALSE;
}

/**
 * hcs_request_page:
 *
 * Reads `limit`, `cursor` and `total` into @page. Answers 400 and returns
 * %FALSE for a bad limit or a cursor this server did not make.
 */
gboolean
hcs_request_page (HcsRequest *self,
                  HcsPage    *page)
{
  const char *cursor = hcs_request_query (self, "cursor");
  gint64 limit;

  memset (page, 0, sizeof *page);
  if (self->exporting)
    {
      /* An export takes the whole result, in the largest pages. */
      page->limit = MAX_PAGE_LIMIT;
      if (self->export_cursor != NULL)
        hcs_cursor_decode (self->export_cursor, &page->after_key, &page->after_id);
      return TRUE;
    }
  if (!hcs_request_query_int (self, "limit", 1, MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT, &limit))
    return FALSE;
  page->limit = (guint) limit;
  /* total=estimate (GET /subjects) asks for a count that may be estimated:
   * an exact one answers it. */
  if (g_strcmp0 (hcs_request_query (self, "total"), "estimate") == 0)
    page->want_total = TRUE;
  else if (!hcs_request_query_bool (self, "total", &page->want_total))
    return FALSE;
  if (cursor != NULL && !hcs_cursor_decode (cursor, &page->after_key, &page->after_id))
    {
      hcs_request_reply_error (self, HCS_ERR_INVALID_CURSOR, "cursor",
                               _("The cursor is not valid; start again from the first page."));
      return FALSE;
    }
  return TRUE;
}

void
hcs_page_clear (HcsPage *page)
{
  g_clear_pointer (&page->after_key, g_free);
}

/**
 * hcs_request_path_id:
 * @name: the path parameter, e.g. "id"
 * @not_found: (nullable): the message of the 404, e.g. "There is no such
 *   user."; %NULL for a generic one
 * @id: (out): the id, ≥ 1
 *
 * Reads a numeric id of the path: one that is not a number from 1 names no
 * record, so it answers 404 `not_found` and returns %FALSE.
 */
gboolean
hcs_request_path_id (HcsRequest *self,
                     const char *name,
                     const char *not_found,
                     gint64     *id)
{
  const char *text = hcs_request_param (self, name);

  if (text != NULL && g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL))
    return TRUE;
  hcs_request_reply_error (self, HCS_ERR_NOT_FOUND, name, "%s",
                           not_found ? not_found : _("No such record; it may have been deleted."));
  return FALSE;
}
