/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of 名单: list types and measures, entries through their life
 * (roles, illegal moves, stale writes, history, audit), and batch matching
 * with JSON and CSV bodies. */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"
#include "test-api-lists.h"

HcTestServer *server;
const char *admin, *analyst, *supervisor;
gint64 department;
guint next_subject;

/* Registers a subject straight in the database: the subjects API belongs to
 * another resource, and these tests are about the lists. */
void
lists_register_subject (const char *identifier,
                const char *name,
                const char *type,
                const char *region)
{
  hc_test_create_subject (server, identifier, name, type, region);
}

/* A new registered enterprise for the calling test (of hc_test_usccs:
 * one per test entry, so that open entries never collide). */
const char *
lists_new_subject (void)
{
  const char *uscc;
  g_autofree char *name = NULL;

  g_assert_cmpuint (next_subject, <, HC_TEST_N_USCCS);
  uscc = hc_test_usccs[next_subject++];
  name = g_strdup_printf ("海南测试%u号贸易有限公司", next_subject);
  lists_register_subject (uscc, name, "legal_person", "460100");
  return uscc;
}

gint64
lists_count (const char *sql)
{
  return hc_test_count_rows (server, sql);
}

HcTestResponse *
lists_propose (const char *type,
               const char *subject,
               const char *measures)
{
  g_autofree char *path = g_strdup_printf ("/lists/%s/entries", type);
  g_autofree char *body =
    g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《海南自由贸易港社会信用条例》\","
                     "\"facts\":\"测试事实\",\"measures\":%s}", subject, department, measures);

  return hc_test_request (server, "POST", path, analyst, body);
}

HcTestResponse *
lists_transition (gint64      id,
                  const char *etag,
                  const char *token,
                  const char *action,
                  const char *reason)
{
  g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", id);
  g_autofree char *body = reason ? g_strdup_printf ("{\"action\":\"%s\",\"reason\":\"%s\"}", action, reason)
                                 : g_strdup_printf ("{\"action\":\"%s\"}", action);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return hc_test_request_full (server, "POST", path, token, "application/json", bytes, etag);
}

const char *
lists_str (HcTestResponse *r,
           const char     *member)
{
  return json_object_get_string_member (hc_test_response_object (r), member);
}

gint64
lists_num (HcTestResponse *r,
           const char     *member)
{
  return json_object_get_int_member (hc_test_response_object (r), member);
}

void
lists_entry_clear (Entry *e)
{
  g_clear_pointer (&e->etag, g_free);
}

/* Takes @action as the role allowed to, asserting it succeeds. */
void
lists_step (Entry      *e,
            const char *action)
{
  /* Publishing a black-list entry takes a supervisor (four eyes). */
  gboolean by_analyst = g_str_equal (action, "notice") || g_str_equal (action, "object");
  g_autoptr(HcTestResponse) r = lists_transition (e->id, e->etag, by_analyst ? analyst : supervisor, action, "测试理由");

  hc_assert_status (r, 200, NULL);
  g_free (e->etag);
  e->etag = g_strdup (r->etag);
}

/* A new black-list entry walked to @state. */
void
lists_entry_in_state (const char *state,
                      Entry      *e)
{
  static const struct { const char *state; const char *path[4]; } paths[] = {
    { "proposed",  { NULL } },
    { "noticed",   { "notice", NULL } },
    { "published", { "notice", "publish", NULL } },
    { "objected",  { "notice", "publish", "object", NULL } },
    { "repaired",  { "notice", "publish", "repair", NULL } },
    { "exited",    { "notice", "publish", "exit", NULL } },
    { "expired",   { "notice", "publish", "expire", NULL } },
  };
  g_autoptr(HcTestResponse) r = lists_propose ("black", lists_new_subject (), "[\"black.procurement_ban\"]");

  hc_assert_status (r, 201, NULL);
  e->id = lists_num (r, "id");
  e->etag = g_strdup (r->etag);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    if (g_str_equal (paths[i].state, state))
      {
        for (guint j = 0; paths[i].path[j] != NULL; j++)
          lists_step (e, paths[i].path[j]);
        return;
      }
  g_assert_not_reached ();
}

static gboolean
has_measure (JsonArray  *measures,
             const char *code)
{
  for (guint m = 0; m < json_array_get_length (measures); m++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (measures, m), "code"), code))
      return TRUE;
  return FALSE;
}

static void
test_types_have_their_measures (void)
{
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/list-types", analyst, NULL);
  g_autoptr(HcTestResponse) anon = hc_test_request (server, "GET", "/list-types", NULL, NULL);
  JsonArray *items;
  guint found = 0;

  hc_assert_status (r, 200, NULL);
  hc_assert_status (anon, 401, "unauthenticated");
  items = json_object_get_array_member (hc_test_response_object (r), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *type = json_array_get_object_element (items, i);
      const char *key = json_object_get_string_member (type, "key");
      const char *cls = json_object_get_string_member (type, "class");
      JsonArray *measures = json_object_get_array_member (type, "measures");

      g_assert_cmpuint (json_array_get_length (measures), >=, 4);
      g_assert_cmpuint (json_array_get_length (measures), <=, 10);
      /* Every type starts with the default notice period (告知, 5 days). */
      g_assert_cmpint (json_object_get_int_member (type, "notice_days"), ==, 5);
      for (guint m = 0; m < json_array_get_length (measures); m++)
        {
          JsonObject *measure = json_array_get_object_element (measures, m);
          const char *basis = json_object_get_string_member (measure, "legal_basis");
          const char *own = json_object_get_null_member (measure, "list_type") ? NULL
                            : json_object_get_string_member (measure, "list_type");

          g_assert_true (g_str_has_prefix (json_object_get_string_member (measure, "code"), cls));
          g_assert_cmpstr (basis, !=, "");
          /* The 条例 by its right name. */
          g_assert_null (strstr (basis, "海南省社会信用条例"));
          /* A measure of one list type is offered on that type only. */
          g_assert_true (own == NULL || g_str_equal (own, key));
        }
      if (g_str_equal (key, "red"))
        {
          g_assert_cmpstr (cls, ==, "red");
          g_assert_cmpstr (json_object_get_string_member (type, "name"), ==, "守信激励名单");
          found |= 1;
        }
      else if (g_str_equal (key, "black"))
        {
          g_assert_cmpstr (json_object_get_string_member (type, "name"), ==, "严重失信主体名单");
          found |= 2;
        }
      else if (g_str_equal (key, "watch"))
        {
          g_assert_cmpstr (json_object_get_string_member (type, "name"), ==, "重点关注名单");
          found |= 4;
        }
      else if (g_str_equal (key, "abnormal"))
        {
          g_assert_cmpstr (cls, ==, "watch");
          found |= 8;
        }
      else if (g_str_equal (key, "smuggling_alert"))
        {
          g_assert_cmpstr (cls, ==, "watch");
          g_assert_true (has_measure (measures, "watch.customs_check"));
          g_assert_true (has_measure (measures, "watch.no_tax_free_shopping"));
          g_assert_false (has_measure (measures, "watch.declaration_review"));
          found |= 16;
        }
      else if (g_str_equal (key, "declaration_watch"))
        {
          /* 五(十)4: 故意不实申报的主体，列入申报关注名单，加强申报复核. */
          g_assert_cmpstr (cls, ==, "watch");
          g_assert_cmpstr (json_object_get_string_member (type, "name"), ==, "申报关注名单");
          g_assert_true (has_measure (measures, "watch.declaration_review"));
          g_assert_false (has_measure (measures, "watch.customs_check"));
          found |= 32;
        }
    }
  g_assert_cmpuint (found, ==, 63);
}

/* A measure of another list type is refused, one of the type accepted. */
static void
test_measures_of_one_type (void)
{
  g_autoptr(HcTestResponse) other = lists_propose ("declaration_watch", lists_new_subject (), "[\"watch.customs_check\"]");
  g_autoptr(HcTestResponse) own = lists_propose ("declaration_watch", lists_new_subject (),
                                                 "[\"watch.declaration_review\",\"watch.interview\"]");

  hc_assert_status (other, 422, "invalid_measure");
  g_assert_cmpstr (hc_test_response_error_field (other), ==, "measures");
  hc_assert_status (own, 201, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (own), "measures")), ==, 2);
}

HcTestResponse *
lists_set_notice_days (const char *type,
                       const char *token,
                       int         days)
{
  g_autofree char *path = g_strdup_printf ("/list-types/%s", type);
  g_autofree char *body = g_strdup_printf ("{\"notice_days\":%d}", days);

  return hc_test_request (server, "PATCH", path, token, body);
}

static void
test_unknown_type_is_404 (void)
{
  g_autoptr(HcTestResponse) get = hc_test_request (server, "GET", "/lists/purple/entries", analyst, NULL);
  g_autoptr(HcTestResponse) post = lists_propose ("purple", hc_test_usccs[0], "[\"black.procurement_ban\"]");
  g_autoptr(HcTestResponse) entry = hc_test_request (server, "GET", "/list-entries/999999", analyst, NULL);
  g_autoptr(HcTestResponse) run = hc_test_request (server, "GET", "/lists/match-runs/999999", analyst, NULL);

  hc_assert_status (get, 404, "not_found");
  hc_assert_status (post, 404, "not_found");
  hc_assert_status (entry, 404, "not_found");
  hc_assert_status (run, 404, "not_found");
}

/* The demo dataset: entries of every type in every state, histories that
 * chain, red entries growing and black ones falling, repair cases with
 * fewer overdue in later years. It needs the subjects seeder (another
 * resource): without demo subjects there is nothing to check. */
static void
test_demo_lists_are_coherent (void)
{
  g_autoptr(HcTestServer) demo = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  static const char * const states[] = { "proposed", "noticed", "published", "objected", "repaired", "exited", "expired" };
  static const char * const types[] = { "red", "black", "watch", "abnormal", "smuggling_alert" };
  static const char * const checks[] = {
    /* The entry's state is where its history ends. */
    "SELECT count(*) FROM list_entries e WHERE e.state <>"
    " (SELECT to_state FROM list_entry_history h WHERE h.entry_id = e.id ORDER BY h.id DESC LIMIT 1)",
    /* Its version counts its steps; the first step is the proposal. */
    "SELECT count(*) FROM list_entries e WHERE e.version <> (SELECT count(*) FROM list_entry_history h WHERE h.entry_id = e.id)",
    "SELECT count(*) FROM list_entries e WHERE"
    " (SELECT action FROM list_entry_history h WHERE h.entry_id = e.id ORDER BY h.id LIMIT 1) <> 'propose'",
    /* Each step starts where the one before ended, and not earlier. */
    "SELECT count(*) FROM list_entry_history h JOIN list_entry_history p ON p.entry_id = h.entry_id"
    " AND p.id = (SELECT max (q.id) FROM list_entry_history q WHERE q.entry_id = h.entry_id AND q.id < h.id)"
    " WHERE h.from_state IS NOT p.to_state OR h.at < p.at",
    /* Every repaired entry has its approved repair case. */
    "SELECT count(*) FROM list_entries e WHERE e.state = 'repaired' AND NOT EXISTS"
    " (SELECT 1 FROM repairs r WHERE r.entry_id = e.id AND r.state = 'approved' AND r.kind = 'list_entry')",
    /* 2021–2025, and open entries are unique per subject and type. */
    "SELECT count(*) FROM list_entry_history WHERE at < '2021' OR at >= '2026'",
    "SELECT count(*) FROM repairs WHERE applied_on < '2021' OR applied_on >= '2026' OR deadline <= applied_on",
  };
  g_autoptr(HcTestResponse) page = NULL;

  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM subjects"), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM list_entries WHERE state = '%s'", states[i]);

      g_assert_cmpint (hc_test_count_rows (demo, sql), >, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM list_entries WHERE list_type = '%s'", types[i]);

      g_assert_cmpint (hc_test_count_rows (demo, sql), >=, 100);
    }
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    g_assert_cmpint (hc_test_count_rows (demo, checks[i]), ==, 0);

  /* After the first batch of 2021, red designations grow every year. */
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM list_entries WHERE list_type = 'red' AND created_at LIKE '2025%'"),
                   >, hc_test_count_rows (demo, "SELECT count(*) FROM list_entries WHERE list_type = 'red' AND created_at LIKE '2022%'"));
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM list_entries WHERE list_type = 'black' AND created_at LIKE '2025%'"),
                   <, hc_test_count_rows (demo, "SELECT count(*) FROM list_entries WHERE list_type = 'black' AND created_at LIKE '2021%'"));
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM repairs"), >=, 900);
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM repairs WHERE decided_on > deadline"), >, 0);
  /* Per mille overdue among the cases of 2021 and of 2025. */
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT 1000 * sum (CASE WHEN decided_on > deadline THEN 1 ELSE 0 END) / count(*) FROM repairs WHERE applied_on LIKE '2021%'"),
                   >, hc_test_count_rows (demo, "SELECT 1000 * sum (CASE WHEN decided_on > deadline THEN 1 ELSE 0 END) / count(*) FROM repairs WHERE applied_on LIKE '2025%'"));

  /* What the lists are for in the plan: by 2025 the red share of existing
   * enterprises has grown and the black share has fallen against 2021. */
  {
    g_autoptr(HcTestResponse) ind = hc_test_request (demo, "GET", "/indicators?year=2025",
                                                     hc_test_server_token (demo, "analyst"), NULL);
    JsonArray *items;
    guint seen = 0;

    hc_assert_status (ind, 200, NULL);
    items = json_object_get_array_member (hc_test_response_object (ind), "items");
    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *it = json_array_get_object_element (items, i);
        const char *key = json_object_get_string_member (it, "key");

        if (g_str_equal (key, "incentive-list-share-growth") ||
            g_str_equal (key, "serious-dishonesty-share-decline"))
          {
            g_assert_cmpfloat (json_object_get_double_member (it, "aggregate"), >, 10.0);
            seen++;
          }
      }
    g_assert_cmpuint (seen, ==, 2);
  }

  page = hc_test_request (demo, "GET", "/lists/black/entries?state=published&total=1&limit=5",
                          hc_test_server_token (demo, "analyst"), NULL);
  hc_assert_status (page, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (page), "total"), >, 0);
}

static void
set_type_notice_days_0 (gconstpointer data)
{
  g_autoptr(HcTestResponse) r = lists_set_notice_days (data, admin, 0);

  hc_assert_status (r, 200, NULL);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  admin = hc_test_server_token (server, "admin");
  analyst = hc_test_create_user (server, "analyst", "analyst");
  supervisor = hc_test_create_user (server, "supervisor", "supervisor");
  department = hc_test_create_department (server, "FY", "海南省高级人民法院");

  g_test_add_func ("/lists/types-have-their-measures", test_types_have_their_measures);
  /* The life-cycle tests below publish black-list entries on the day they
   * are noticed: four eyes still apply, the notice period is made 0. */
  g_test_add_data_func ("/lists/black-notice-days-0", "black", set_type_notice_days_0);
  g_test_add_data_func ("/lists/smuggling-alert-notice-days-0", "smuggling_alert", set_type_notice_days_0);
  g_test_add_func ("/lists/unknown-type-is-404", test_unknown_type_is_404);
  hc_test_lists_entries_add ();
  hc_test_lists_match_add ();
  hc_test_lists_publish_add ();
  g_test_add_func ("/lists/measures-of-one-type", test_measures_of_one_type);
  g_test_add_func ("/lists/demo-lists-are-coherent", test_demo_lists_are_coherent);

  ret = g_test_run ();
  hc_test_server_free (server);
  return ret;
}
