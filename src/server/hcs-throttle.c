/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Throttles, kept in memory and shared by the workers under one lock:
 *
 * - Look-ups by a full 居民身份证号码. A masked number, its region and its
 *   check digit leave a few thousand candidates; any route that answers
 *   differently for a registered and an unknown number would confirm the
 *   right one. So each user not entitled to see ID numbers may name at most
 *   N distinct numbers an hour (429 `too_many_lookups` after), and every
 *   such look-up, whoever makes it, is audited.
 * - Sign-in: after a few failures for one user name, or many from one
 *   address, further tries wait (429 `too_many_attempts`, Retry-After),
 *   refused before any password is hashed. */
#define G_LOG_DOMAIN "hcs-throttle"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-mask.h"
#include "hcs-store-audit.h"
#include "hcs-throttle.h"

#define SIGNIN_WINDOW     (15 * 60)   /* failures older than this are forgotten */
#define SIGNIN_FIRST_WAIT 30          /* seconds, doubling with each failure */
#define SIGNIN_MAX_WAIT   (15 * 60)
#define MAX_TRACKED       50000       /* names/addresses remembered at most */

typedef struct
{
  GHashTable *ids;              /* normalised ID number → time first named */
  gboolean    refusal_audited;  /* the refusal of this window is audited */
} PersonLookups;

typedef struct
{
  guint    failures;
  gint64   last;
  gint64   locked_until;
  gboolean refusal_audited;
} Attempts;

static GMutex      lock;
static GHashTable *person_lookups;   /* gint64 user id → PersonLookups */
static GHashTable *signin_users;     /* user name → Attempts */
static GHashTable *signin_addresses; /* address → Attempts */
static guint       person_limit = HCS_DEFAULT_PERSON_LOOKUPS;

static void
person_lookups_free (gpointer data)
{
  PersonLookups *p = data;

  g_hash_table_unref (p->ids);
  g_free (p);
}

static void
ensure_tables (void)
{
  if (person_lookups != NULL)
    return;
  person_lookups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, person_lookups_free);
  signin_users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  signin_addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* For --person-lookups: distinct ID numbers a user may look up an hour. */
void
hcs_throttle_set_person_lookups (guint per_hour)
{
  g_mutex_lock (&lock);
  person_limit = MAX (per_hour, 1);
  g_mutex_unlock (&lock);
}

static gboolean
expired_lookup (gpointer key,
                gpointer value,
                gpointer data)
{
  return *(gint64 *) value <= *(gint64 *) data;
}

/* Under the lock. Returns: whether all of @ids may be looked up now (then
 * they are counted); when not, none is, and @retry_after and whether this
 * is the window's first refusal are set. */
static gboolean
take_lookups (gint64     user_id,
              GPtrArray *ids,
              gint64    *retry_after,
              gboolean  *first_refusal)
{
  gint64 now = now_seconds ();
  gint64 cutoff = now - HCS_PERSON_LOOKUP_WINDOW;
  PersonLookups *p;
  GHashTableIter iter;
  gpointer value;
  gint64 oldest = now;
  guint fresh = 0;

  ensure_tables ();
  p = g_hash_table_lookup (person_lookups, &user_id);
  if (p == NULL)
    {
      p = g_new0 (PersonLookups, 1);
      p->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (person_lookups, g_memdup2 (&user_id, sizeof user_id), p);
    }
  g_hash_table_foreach_remove (p->ids, expired_lookup, &cutoff);
  for (guint i = 0; i < ids->len; i++)
    if (!g_hash_table_contains (p->ids, g_ptr_array_index (ids, i)))
      fresh++;
  if (fresh == 0)
    return TRUE;
  if (g_hash_table_size (p->ids) + fresh <= person_limit)
    {
      for (guint i = 0; i < ids->len; i++)
        if (!g_hash_table_contains (p->ids, g_ptr_array_index (ids, i)))
          g_hash_table_insert (p->ids, g_strdup (g_ptr_array_index (ids, i)), g_memdup2 (&now, sizeof now));
      p->refusal_audited = FALSE;
      return TRUE;
    }
  g_hash_table_iter_init (&iter, p->ids);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    oldest = MIN (oldest, *(gint64 *) value);
  *retry_after = MAX (oldest + HCS_PERSON_LOOKUP_WINDOW - now, 1);
  *first_refusal = !p->refusal_audited;
  p->refusal_audited = TRUE;
  return FALSE;
}

static gboolean
audit_lookup (HcsRequest  *req,
              const char  *action,
              GPtrArray   *ids,
              GError     **error)
{
  SoupServerMessage *msg = hcs_request_get_message (req);
  g_autoptr(JsonObject) after = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  if (ids->len == 1)
    json_object_set_string_member (after, "identifier", g_ptr_array_index (ids, 0));
  else
    {
      JsonArray *list = json_array_new ();

      for (guint i = 0; i < ids->len; i++)
        json_array_add_string_element (list, g_ptr_array_index (ids, i));
      json_object_set_array_member (after, "identifiers", list);
    }
  json_object_set_string_member (after, "method", hcs_request_get_method (req));
  json_object_set_string_member (after, "path", g_uri_get_path (soup_server_message_get_uri (msg)));
  json_node_set_object (node, after);
  /* No entity id: filtering the audit log by a number must not confirm it. */
  return hcs_store_audit_record (hcs_request_write_store (req), hcs_request_get_actor (req),
                                 action, "subject", NULL, NULL, node, error);
}

/**
 * hcs_throttle_person_lookups:
 * @identifiers: identifiers as the request named them (any kind)
 *
 * Call before a route looks up, registers, matches or refers to subjects
 * by identifiers the client sent, outside any transaction. Anything but a
 * full 居民身份证号码 passes. Natural persons' numbers are audited; for a
 * user not entitled to see ID numbers, a request that would make more than
 * N distinct numbers within the hour is refused as a whole: answers 429
 * `too_many_lookups` with Retry-After and returns %FALSE.
 */
gboolean
hcs_throttle_person_lookups (HcsRequest         *req,
                             const char * const *identifiers,
                             guint               n)
{
  const HcsActor *actor = hcs_request_get_actor (req);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean allowed = TRUE, first_refusal = FALSE;
  gint64 retry_after = 0;
  guint limit;

  for (guint i = 0; i < n; i++)
    if (hcs_mask_is_id_number (identifiers[i]))
      g_ptr_array_add (ids, hc_id_number_normalize (identifiers[i]));
  if (ids->len == 0)
    return TRUE;

  g_mutex_lock (&lock);
  limit = person_limit;
  if (actor == NULL || !hcs_mask_role_sees_id_numbers (actor->role))
    allowed = take_lookups (actor ? actor->user_id : 0, ids, &retry_after, &first_refusal);
  g_mutex_unlock (&lock);

  if ((allowed || first_refusal) &&
      !audit_lookup (req, allowed ? "subject.lookup" : "subject.lookup_refused", ids, &error))
    {
      hcs_request_reply_gerror (req, error);
      return FALSE;
    }
  if (allowed)
    return TRUE;

  {
    g_autofree char *retry = g_strdup_printf ("%" G_GINT64_FORMAT, retry_after);

    soup_message_headers_replace (soup_server_message_get_response_headers (hcs_request_get_message (req)),
                                  "Retry-After", retry);
  }
  hcs_request_reply_error (req, 429, "too_many_lookups", NULL,
                           _("You may name at most %u people by their full ID number an hour, and this would be more. Search by name, or ask an administrator."),
                           limit);
  return FALSE;
}

/* hcs_throttle_person_lookups() for one identifier. */
gboolean
hcs_throttle_person_lookup (HcsRequest *req,
                            const char *identifier)
{
  const char *ids[] = { identifier };

  return identifier == NULL || hcs_throttle_person_lookups (req, ids, 1);
}

static gboolean
stale_attempts (gpointer key,
                gpointer value,
                gpointer data)
{
  Attempts *a = value;
  gint64 now = *(gint64 *) data;

  return a->locked_until <= now && a->last + SIGNIN_WINDOW <= now;
}

static Attempts *
attempts_get (GHashTable *table,
              const char *key,
              gboolean    create)
{
  gint64 now = now_seconds ();
  Attempts *a = g_hash_table_lookup (table, key);

  if (a != NULL && stale_attempts (NULL, a, &now))
    {
      g_hash_table_remove (table, key);
      a = NULL;
    }
  if (a == NULL && create)
    {
      if (g_hash_table_size (table) >= MAX_TRACKED)
        g_hash_table_foreach_remove (table, stale_attempts, &now);
      a = g_new0 (Attempts, 1);
      g_hash_table_insert (table, g_strdup (key), a);
    }
  return a;
}

/**
 * hcs_throttle_signin_allowed:
 * @retry_after: (out): seconds to wait, when refused
 * @first_refusal: (out): whether this is the first refusal of the wait (the
 *   one that is audited, so that a flood does not flood the audit log)
 *
 * Returns: whether @username may try to sign in from @address now
 */
gboolean
hcs_throttle_signin_allowed (const char *username,
                             const char *address,
                             gint64     *retry_after,
                             gboolean   *first_refusal)
{
  gint64 now = now_seconds ();
  Attempts *u, *a;
  gboolean allowed = TRUE;

  *retry_after = 0;
  *first_refusal = FALSE;
  g_mutex_lock (&lock);
  ensure_tables ();
  u = attempts_get (signin_users, username, FALSE);
  a = address ? attempts_get (signin_addresses, address, FALSE) : NULL;
  for (guint i = 0; i < 2; i++)
    {
      Attempts *e = i == 0 ? u : a;

      if (e == NULL || e->locked_until <= now)
        continue;
      allowed = FALSE;
      *retry_after = MAX (*retry_after, e->locked_until - now);
      if (!e->refusal_audited)
        *first_refusal = TRUE;
      e->refusal_audited = TRUE;
    }
  g_mutex_unlock (&lock);
  return allowed;
}

static void
count_failure (Attempts *e,
               guint     threshold)
{
  gint64 now = now_seconds ();

  e->failures++;
  e->last = now;
  if (e->failures >= threshold)
    {
      guint doublings = MIN (e->failures - threshold, 10);
      gint64 wait = MIN ((gint64) SIGNIN_FIRST_WAIT << doublings, SIGNIN_MAX_WAIT);

      e->locked_until = now + wait;
      e->refusal_audited = FALSE;
    }
}

void
hcs_throttle_signin_failed (const char *username,
                            const char *address)
{
  g_mutex_lock (&lock);
  ensure_tables ();
  count_failure (attempts_get (signin_users, username, TRUE), HCS_SIGNIN_USER_FAILURES);
  if (address != NULL)
    count_failure (attempts_get (signin_addresses, address, TRUE), HCS_SIGNIN_ADDRESS_FAILURES);
  g_mutex_unlock (&lock);
}

/* A good password clears the user name's failures (not the address's). */
void
hcs_throttle_signin_succeeded (const char *username)
{
  g_mutex_lock (&lock);
  ensure_tables ();
  g_hash_table_remove (signin_users, username);
  g_mutex_unlock (&lock);
}
