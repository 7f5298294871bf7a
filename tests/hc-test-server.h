/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For API tests: the real hncredit-server on 127.0.0.1, a temporary
 * database, and a blocking libsoup client to talk to it. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define HC_TEST_PASSWORD "test-password-42"

typedef struct _HcTestServer HcTestServer;

typedef struct
{
  guint       status;
  JsonNode   *json;       /* NULL when the body is not JSON */
  GBytes     *body;
  char       *etag;
  char       *content_type;
  char       *retry_after;  /* the Retry-After header, if any */
} HcTestResponse;

typedef enum
{
  HC_TEST_SERVER_EMPTY = 0,
  HC_TEST_SERVER_DEMO  = 1 << 0,   /* --seed-demo */
  /* with DEMO: seeded at this start, not copied from the build's cache (a
   * test of the seeding itself) */
  HC_TEST_SERVER_FRESH_SEED = 1 << 1,
} HcTestServerFlags;

HcTestServer   *hc_test_server_new          (HcTestServerFlags  flags,
                                             const char * const *extra_args);
HcTestServer   *hc_test_server_new_for_db   (const char        *db_path,
                                             const char * const *extra_args);
void            hc_test_server_kill         (HcTestServer      *self);
void            hc_test_server_free         (HcTestServer      *self);
const char     *hc_test_server_get_url      (HcTestServer      *self);
const char     *hc_test_server_get_db_path  (HcTestServer      *self);
GPid            hc_test_server_get_pid      (HcTestServer      *self);
void            hc_test_server_stop         (HcTestServer      *self);
int             hc_test_server_command      (const char * const *args,
                                             char             **out,
                                             char             **err);
void            hc_test_assert_db_intact    (const char        *db_path);
void            hc_test_demo_db_copy        (const char        *dest);
GSocketConnection *hc_test_send_raw         (HcTestServer      *self,
                                             const char        *method,
                                             const char        *path,
                                             const char        *token,
                                             const char        *content_type,
                                             const char        *if_match,
                                             const char        *body,
                                             gsize              len);

char           *hc_test_server_login        (HcTestServer      *self,
                                             const char        *username,
                                             const char        *password);
const char     *hc_test_server_token        (HcTestServer      *self,
                                             const char        *username);

HcTestResponse *hc_test_request             (HcTestServer      *self,
                                             const char        *method,
                                             const char        *path,
                                             const char        *token,
                                             const char        *body);
HcTestResponse *hc_test_request_full        (HcTestServer      *self,
                                             const char        *method,
                                             const char        *path,
                                             const char        *token,
                                             const char        *content_type,
                                             GBytes            *body,
                                             const char        *if_match);
HcTestResponse *hc_test_request_accept      (HcTestServer      *self,
                                             const char        *method,
                                             const char        *path,
                                             const char        *token,
                                             const char        *content_type,
                                             GBytes            *body,
                                             const char        *if_match,
                                             const char        *accept);
char           *hc_test_get_csv             (HcTestServer      *self,
                                             const char        *path,
                                             const char        *token,
                                             const char        *accept_language);
void            hc_test_response_free       (HcTestResponse    *resp);

JsonObject     *hc_test_response_object     (HcTestResponse    *resp);
const char     *hc_test_response_error_code (HcTestResponse    *resp);
const char     *hc_test_response_error_field (HcTestResponse   *resp);
void            hc_test_create_subject      (HcTestServer      *self,
                                             const char        *identifier,
                                             const char        *name,
                                             const char        *type,
                                             const char        *region);
gboolean        hc_test_is_pg               (void);
char           *hc_test_query_text          (HcTestServer      *self,
                                             const char        *sql);
void            hc_test_exec_sql            (HcTestServer      *self,
                                             const char        *sql);
gboolean        hc_test_exec_sql_refused    (HcTestServer      *self,
                                             const char        *sql);
gint64          hc_test_count_rows          (HcTestServer      *self,
                                             const char        *sql);
gint64          hc_test_count               (HcTestServer      *self,
                                             const char        *format,
                                             ...) G_GNUC_PRINTF (2, 3);
GPtrArray      *hc_test_query_rows          (HcTestServer      *self,
                                             const char        *sql);
gpointer        hc_test_pg_hold             (HcTestServer      *self,
                                             const char        *sql);
void            hc_test_pg_release          (gpointer           held);
void            hc_test_server_end_sessions (HcTestServer      *self,
                                             const char        *username);
void            hc_test_server_backdate     (HcTestServer      *self,
                                             const char        *sql);
const char     *hc_test_create_user         (HcTestServer      *self,
                                             const char        *username,
                                             const char        *role);
const char     *hc_test_create_user_in      (HcTestServer      *self,
                                             const char        *username,
                                             const char        *role,
                                             gint64             department);
gint64          hc_test_create_department   (HcTestServer      *self,
                                             const char        *code,
                                             const char        *name);
gint64          hc_test_publish_grading_model (HcTestServer    *self,
                                               const char      *title);

/* Subjects of the tests of /subjects (hc-test-data.c): new valid
 * identifiers, a subject posted or patched (the answer unchecked), a page
 * asked with total=estimate (its shape checked). */
char           *hc_test_make_uscc           (const char        *division);
char           *hc_test_make_id_number      (const char        *division,
                                             const char        *birth);
HcTestResponse *hc_test_post_subject        (HcTestServer      *self,
                                             const char        *token,
                                             const char        *identifier,
                                             const char        *name,
                                             const char        *type,
                                             const char        *extra);
HcTestResponse *hc_test_patch_subject       (HcTestServer      *self,
                                             const char        *token,
                                             const char        *identifier,
                                             const char        *if_match,
                                             const char        *body);
JsonObject     *hc_test_get_estimate        (HcTestServer      *self,
                                             const char        *token,
                                             const char        *query,
                                             guint              limit);

/* Valid 统一社会信用代码 of test subjects (hc-test-data.c), to register
 * with hc_test_create_subject(). */
#define HC_TEST_N_USCCS 64
extern const char * const hc_test_usccs[HC_TEST_N_USCCS];

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcTestServer, hc_test_server_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcTestResponse, hc_test_response_free)

/* Asserts the status and, when @code is not NULL, the error code. */
#define hc_assert_status(resp, st, code)                                         \
  G_STMT_START {                                                                 \
    HcTestResponse *_r = (resp);                                                 \
    if (_r->status != (guint) (st))                                              \
      g_error ("%s:%d: expected status %u, got %u: %.*s", __FILE__, __LINE__,    \
               (guint) (st), _r->status,                                         \
               (int) (_r->body ? MIN (g_bytes_get_size (_r->body), 400) : 0),   \
               _r->body ? (const char *) g_bytes_get_data (_r->body, NULL) : ""); \
    if ((code) != NULL)                                                          \
      g_assert_cmpstr (hc_test_response_error_code (_r), ==, (code));            \
  } G_STMT_END

/* GET @path as @user, asserting 200. Returns: (transfer full) the answer. */
JsonObject     *hc_test_get_object          (HcTestServer      *self,
                                             const char        *user,
                                             const char        *path);
/* A demo subject whose credit file has records of each of @kinds, by the
 * server's own counts as @user sees them (among the subjects of repair
 * cases); its counts in @counts_out when not %NULL. Fails the test when
 * there is none. Returns: (transfer full) its identifier. */
char           *hc_test_demo_subject_with_records (HcTestServer       *self,
                                                   const char         *user,
                                                   const char * const *kinds,
                                                   JsonObject        **counts_out);

G_END_DECLS
