/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the API tests of the plan's indicators (表1): their server and
 * accounts, reporting and reviewing a value, and reading an indicator's
 * list item, detail, years and 市县 back. The analyst reports and reads,
 * the supervisor reviews. */
#include "config.h"

#include <string.h>

#include "hc-test-indicators.h"

const char * const hc_ind_computed_keys[] = {
  "catalog-annual-update", "catalog-collection-rate", "commitment-fulfilment-sharing", "uscc-error-rate",
  "other-data-error-rate", "repair-commitment-rate", "repair-overdue-rate", "incentive-list-share-growth",
  "serious-dishonesty-share-decline", NULL,
};

/* An empty server with an analyst and two supervisors (supervisor,
 * supervisor2) besides its administrator. */
HcTestServer *
hc_ind_server_new (void)
{
  HcTestServer *server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);

  hc_test_create_user (server, "analyst", "analyst");
  hc_test_create_user (server, "supervisor", "supervisor");
  hc_test_create_user (server, "supervisor2", "supervisor");
  return server;
}

HcTestResponse *
hc_ind_send (HcTestServer *server,
             const char   *method,
             const char   *path,
             const char   *token,
             const char   *body,
             const char   *etag)
{
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;

  return hc_test_request_full (server, method, path, token, "application/json", bytes, etag);
}

/* PUT /indicators/@key/values/@year */
HcTestResponse *
hc_ind_put_value (HcTestServer *server,
                  const char   *key,
                  int           year,
                  const char   *token,
                  const char   *body,
                  const char   *etag)
{
  g_autofree char *path = g_strdup_printf ("/indicators/%s/values/%d", key, year);

  return hc_ind_send (server, "PUT", path, token, body, etag);
}

/* POST /indicators/@key/values/@year/review */
HcTestResponse *
hc_ind_review (HcTestServer *server,
               const char   *key,
               int           year,
               const char   *token,
               const char   *body,
               const char   *etag)
{
  g_autofree char *path = g_strdup_printf ("/indicators/%s/values/%d/review", key, year);

  return hc_ind_send (server, "POST", path, token, body, etag);
}

/* Submits @value for @key/@year as the analyst; returns the ETag. */
char *
hc_ind_submit (HcTestServer *server,
               const char   *key,
               int           year,
               double        value)
{
  g_autofree char *body = g_strdup_printf ("{\"value\":%g,\"evidence\":\"%d年度统计报表\"}", value, year);
  g_autoptr(HcTestResponse) r = hc_ind_put_value (server, key, year, hc_test_server_token (server, "analyst"),
                                                  body, NULL);

  g_assert_true (r->status == 201 || r->status == 200);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (r), "state"), ==, "submitted");
  return g_strdup (r->etag);
}

/* Submits and approves (as the supervisor); returns the ETag of the
 * approved value. */
char *
hc_ind_submit_approved (HcTestServer *server,
                        const char   *key,
                        int           year,
                        double        value)
{
  g_autofree char *etag = hc_ind_submit (server, key, year, value);
  g_autoptr(HcTestResponse) r = hc_ind_review (server, key, year, hc_test_server_token (server, "supervisor"),
                                               "{\"decision\":\"approve\"}", etag);

  hc_assert_status (r, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (r), "state"), ==, "approved");
  return g_strdup (r->etag);
}

/* The item of @key in GET /indicators?year=@year. */
JsonObject *
hc_ind_list_item (HcTestServer *server,
                  int           year,
                  const char   *key)
{
  g_autofree char *path = g_strdup_printf ("/indicators?year=%d", year);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, hc_test_server_token (server, "analyst"), NULL);
  JsonArray *items;

  hc_assert_status (r, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (r), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "key"), key))
        return json_object_ref (item);
    }
  g_error ("no indicator %s in the list", key);
  return NULL;
}

/* GET /indicators/@key */
JsonObject *
hc_ind_detail (HcTestServer *server,
               const char   *key)
{
  g_autofree char *path = g_strdup_printf ("/indicators/%s", key);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, hc_test_server_token (server, "analyst"), NULL);

  hc_assert_status (r, 200, NULL);
  return json_object_ref (hc_test_response_object (r));
}

/* The year @year of GET /indicators/@key's values. */
JsonObject *
hc_ind_detail_year (HcTestServer *server,
                    const char   *key,
                    int           year)
{
  g_autoptr(JsonObject) detail = hc_ind_detail (server, key);
  JsonArray *values = json_object_get_array_member (detail, "values");

  /* 2021–2025, and before them the baseline year of an indicator counted
   * from one. */
  if (json_object_get_null_member (detail, "baseline_year"))
    g_assert_cmpuint (json_array_get_length (values), ==, 5);
  else
    g_assert_cmpuint (json_array_get_length (values), ==,
                      2025 - json_object_get_int_member (detail, "baseline_year") + 1);
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonObject *v = json_array_get_object_element (values, i);

      if (json_object_get_int_member (v, "year") == year)
        return json_object_ref (v);
    }
  g_error ("no year %d in %s", year, key);
  return NULL;
}

/* The year @year of 市县 @region in @detail (GET /indicators/@key). */
JsonObject *
hc_ind_region_year (JsonObject *detail,
                    const char *region,
                    int         year)
{
  JsonArray *regions = json_object_get_array_member (detail, "regions");

  for (guint i = 0; i < json_array_get_length (regions); i++)
    {
      JsonObject *item = json_array_get_object_element (regions, i);
      JsonArray *values = json_object_get_array_member (item, "values");

      if (!g_str_equal (json_object_get_string_member (item, "region"), region))
        continue;
      for (guint v = 0; v < json_array_get_length (values); v++)
        if (json_object_get_int_member (json_array_get_object_element (values, v), "year") == year)
          return json_array_get_object_element (values, v);
    }
  g_error ("no %s/%d", region, year);
  return NULL;
}

/* The province's year @year in @detail (GET /indicators/@key). */
JsonObject *
hc_ind_province_year (JsonObject *detail,
                      int         year)
{
  JsonArray *values = json_object_get_array_member (detail, "values");

  for (guint v = 0; v < json_array_get_length (values); v++)
    if (json_object_get_int_member (json_array_get_object_element (values, v), "year") == year)
      return json_array_get_object_element (values, v);
  g_error ("no year %d", year);
  return NULL;
}

/* @member of @object, which must be there and not null. */
double
hc_ind_number (JsonObject *object,
               const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_false (json_object_get_null_member (object, member));
  return json_object_get_double_member (object, member);
}

/* How many @action audit entries the indicator value @entity_id has. */
gint64
hc_ind_audit_count (HcTestServer *server,
                    const char   *action,
                    const char   *entity_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = '%s'"
                                          " AND entity = 'indicator_value' AND entity_id = '%s'",
                                          action, entity_id);
  return hc_test_count_rows (server, sql);
}
