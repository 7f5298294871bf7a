/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Test data made through the real server's API, as an administrator or a
 * supervisor would make it: subjects, users, departments, a published
 * grading model; valid 统一社会信用代码 and 公民身份号码 to register;
 * demo subjects found by what their credit files hold; subjects posted,
 * patched and listed with an estimated total. */
#define G_LOG_DOMAIN "hc-test-server"

#include "config.h"

#include <string.h>

#include "hc-core.h"
#include "hc-test-server.h"

/* Valid 统一社会信用代码 (GB 32100) of test subjects, four 市县 in turn. */
const char * const hc_test_usccs[HC_TEST_N_USCCS] = {
  "91460100MA5T100082", "91460200MA5T100162", "91460400MA5T100247", "91469005MA5T100325",
  "91460100MA5T10040D", "91460200MA5T10059F", "91460400MA5T10067L", "91469005MA5T10075J",
  "91460100MA5T10083T", "91460200MA5T10091T", "91460400MA5T10104T", "91469005MA5T10112Q",
  "91460100MA5T101201", "91460200MA5T101393", "91460400MA5T101478", "91469005MA5T101556",
  "91460100MA5T10163E", "91460200MA5T10171E", "91460400MA5T1018XG", "91469005MA5T10198K",
  "91460100MA5T10200L", "91460200MA5T10219N", "91460400MA5T10227U", "91469005MA5T10235R",
  "91460100MA5T102432", "91460200MA5T102512", "91460400MA5T1026X4", "91469005MA5T102787",
  "91460100MA5T10286F", "91460200MA5T10294F", "91460400MA5T10307F", "91469005MA5T10315D",
  "91460100MA5T10323M", "91460200MA5T10331M", "91460400MA5T1034XP", "91469005MA5T10358T",
  "91460100MA5T103663", "91460200MA5T103743", "91460400MA5T103828", "91469005MA5T103906",
  "91460100MA5T104039", "91460200MA5T104119", "91460400MA5T1042XB", "91469005MA5T10438E",
  "91460100MA5T10446N", "91460200MA5T10454N", "91460400MA5T10462U", "91469005MA5T10470R",
  "91460100MA5T104894", "91460200MA5T104974", "91460400MA5T1050XY", "91469005MA5T105182",
  "91460100MA5T10526A", "91460200MA5T10534A", "91460400MA5T10542F", "91469005MA5T10550D",
  "91460100MA5T10569P", "91460200MA5T10577P", "91460400MA5T10585W", "91469005MA5T10593T",
  "91460100MA5T10606X", "91460200MA5T10614X", "91460400MA5T106223", "91469005MA5T106301",
};

/* Registers a market subject through POST /subjects as admin (the way every
 * subject gets into the database); fails the test unless it answers 201. */
void
hc_test_create_subject (HcTestServer *self,
                        const char   *identifier,
                        const char   *name,
                        const char   *type,
                        const char   *region)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;
  g_autoptr(HcTestResponse) r = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "identifier");
  json_builder_add_string_value (b, identifier);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, name);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, type);
  json_builder_set_member_name (b, "region");
  json_builder_add_string_value (b, region);
  json_builder_set_member_name (b, "industry");
  json_builder_add_string_value (b, "批发和零售业");
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  body = json_to_string (root, FALSE);
  r = hc_test_request (self, "POST", "/subjects", hc_test_server_token (self, "admin"), body);
  hc_assert_status (r, 201, NULL);
}

/* Creates a user of @role through POST /users as admin, with the password
 * HC_TEST_PASSWORD; fails the test unless it answers 201.
 * Returns: (transfer none): the user's token, owned by @self */
const char *
hc_test_create_user (HcTestServer *self,
                     const char   *username,
                     const char   *role)
{
  return hc_test_create_user_in (self, username, role, 0);
}

/* As hc_test_create_user(), the user belonging to @department (0: none). */
const char *
hc_test_create_user_in (HcTestServer *self,
                        const char   *username,
                        const char   *role,
                        gint64        department)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;
  g_autoptr(HcTestResponse) r = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "username");
  json_builder_add_string_value (b, username);
  json_builder_set_member_name (b, "password");
  json_builder_add_string_value (b, HC_TEST_PASSWORD);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, role);
  if (department > 0)
    {
      json_builder_set_member_name (b, "department_id");
      json_builder_add_int_value (b, department);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  body = json_to_string (root, FALSE);
  r = hc_test_request (self, "POST", "/users", hc_test_server_token (self, "admin"), body);
  hc_assert_status (r, 201, NULL);
  return hc_test_server_token (self, username);
}

/* Adds a department through POST /departments as admin; returns its id. */
gint64
hc_test_create_department (HcTestServer *self,
                           const char   *code,
                           const char   *name)
{
  g_autofree char *body = g_strdup_printf ("{\"code\":\"%s\",\"name\":\"%s\"}", code, name);
  g_autoptr(HcTestResponse) r = hc_test_request (self, "POST", "/departments",
                                                 hc_test_server_token (self, "admin"), body);

  hc_assert_status (r, 201, NULL);
  return json_object_get_int_member (hc_test_response_object (r), "id");
}

JsonObject *
hc_test_get_object (HcTestServer *self,
                    const char   *user,
                    const char   *path)
{
  HcTestResponse *resp = hc_test_request (self, "GET", path, hc_test_server_token (self, user), NULL);
  JsonObject *obj;

  hc_assert_status (resp, 200, NULL);
  obj = json_object_ref (json_node_get_object (resp->json));
  hc_test_response_free (resp);
  return obj;
}

char *
hc_test_demo_subject_with_records (HcTestServer       *self,
                                   const char         *user,
                                   const char * const *kinds,
                                   JsonObject        **counts_out)
{
  g_autoptr(JsonObject) repairs = hc_test_get_object (self, "admin", "/repairs?limit=200");
  JsonArray *items = json_object_get_array_member (repairs, "items");

  /* Subjects of penalty repairs only: a list-entry repair is the repair of
   * an entry still open, and such a subject cannot take a new entry of that
   * list (ui-credit proposes a watch-list entry from a broken commitment). */
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *repair = json_array_get_object_element (items, i);
      const char *identifier = json_object_get_string_member (repair, "subject_identifier");
      g_autofree char *path = NULL;
      g_autoptr(JsonObject) file = NULL;
      JsonObject *counts;
      gboolean every = TRUE;

      if (g_strcmp0 (json_object_get_string_member (repair, "kind"), "penalty") != 0)
        continue;
      path = g_strdup_printf ("/subjects/%s/file", identifier);
      file = hc_test_get_object (self, user, path);
      counts = json_object_get_object_member (file, "counts");

      for (guint k = 0; kinds[k] != NULL; k++)
        every = every && json_object_get_int_member (counts, kinds[k]) > 0;
      if (every)
        {
          if (counts_out != NULL)
            *counts_out = json_object_ref (counts);
          return g_strdup (identifier);
        }
    }
  g_error ("no demo subject has records of every kind");
  return NULL;
}

/* Drafts a grading model titled @title from the default one and publishes
 * it, as the administrator; fails the test unless both succeed.
 * Returns: the model's id */
gint64
hc_test_publish_grading_model (HcTestServer *self,
                               const char   *title)
{
  const char *admin = hc_test_server_token (self, "admin");
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HcTestResponse) drafted = NULL;
  g_autoptr(HcTestResponse) published = NULL;
  gint64 id;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, title);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  body = json_to_string (root, FALSE);
  drafted = hc_test_request (self, "POST", "/grading/models", admin, body);
  hc_assert_status (drafted, 201, NULL);
  id = json_object_get_int_member (hc_test_response_object (drafted), "id");
  path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT "/publish", id);
  published = hc_test_request_full (self, "POST", path, admin, NULL, NULL, drafted->etag);
  hc_assert_status (published, 200, NULL);
  return id;
}

/* Numbers the identifiers hc_test_make_uscc() and hc_test_make_id_number()
 * make, so that each is new. */
static guint serial;

/* A valid 统一社会信用代码 registered in @division (its GB/T 2260 code),
 * made with the core's check-character arithmetic; a new one at each call. */
char *
hc_test_make_uscc (const char *division)
{
  char code[19];

  g_snprintf (code, sizeof code, "91%.6s%08u", division, 10000000 + serial++);
  code[16] = hc_org_code_compute_check (code + 8);
  code[17] = '\0';
  code[17] = hc_uscc_compute_check (code);
  code[18] = '\0';
  return g_strdup (code);
}

/* A valid 公民身份号码 of someone of @division born on @birth (YYYYMMDD). */
char *
hc_test_make_id_number (const char *division,
                        const char *birth)
{
  char id[19];

  g_snprintf (id, sizeof id, "%.6s%.8s%03u", division, birth, 100 + serial++ % 800);
  id[17] = hc_id_number_compute_check (id);
  id[18] = '\0';
  return g_strdup (id);
}

/* POST /subjects of a subject of 批发和零售业 as @token; @extra (nullable):
 * more members of the body ("\"grade\":\"A\""). Returns: the answer,
 * unchecked. */
HcTestResponse *
hc_test_post_subject (HcTestServer *self,
                      const char   *token,
                      const char   *identifier,
                      const char   *name,
                      const char   *type,
                      const char   *extra)
{
  g_autofree char *body =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"%s\",\"type\":\"%s\",\"industry\":\"批发和零售业\"%s%s}",
                     identifier, name, type, extra ? "," : "", extra ? extra : "");

  return hc_test_request (self, "POST", "/subjects", token, body);
}

/* PATCH /subjects/@identifier with the JSON @body as @token, If-Match
 * @if_match (nullable). Returns: the answer, unchecked. */
HcTestResponse *
hc_test_patch_subject (HcTestServer *self,
                       const char   *token,
                       const char   *identifier,
                       const char   *if_match,
                       const char   *body)
{
  g_autofree char *path = g_strdup_printf ("/subjects/%s", identifier);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return hc_test_request_full (self, "PATCH", path, token, "application/json", bytes, if_match);
}

/* GET /subjects?@query&total=estimate&limit=@limit as @token, asserting
 * 200 and the answer's shape: total with total_exact true, or
 * total_estimate (no fewer than the page's rows) with total_exact false,
 * never both. Returns: (transfer full) the answer */
JsonObject *
hc_test_get_estimate (HcTestServer *self,
                      const char   *token,
                      const char   *query,
                      guint         limit)
{
  g_autofree char *path = g_strdup_printf ("/subjects?%s&total=estimate&limit=%u", query, limit);
  g_autoptr(HcTestResponse) r = hc_test_request (self, "GET", path, token, NULL);
  JsonObject *obj;

  hc_assert_status (r, 200, NULL);
  obj = hc_test_response_object (r);
  g_assert_true (json_object_has_member (obj, "total_exact"));
  if (json_object_get_boolean_member (obj, "total_exact"))
    {
      g_assert_true (json_object_has_member (obj, "total"));
      g_assert_false (json_object_has_member (obj, "total_estimate"));
    }
  else
    {
      g_assert_false (json_object_has_member (obj, "total"));
      g_assert_cmpint (json_object_get_int_member (obj, "total_estimate"), >=,
                       json_array_get_length (json_object_get_array_member (obj, "items")));
    }
  return json_object_ref (obj);
}
