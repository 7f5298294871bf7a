/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 信用修复 in the lists pane against a real server: the queue with its
 * filters (an overdue case marked), a case with what it repairs, its
 * evidence and history; a supervisor of another department is refused
 * with a message naming the designating one and nothing changes; the
 * designating department's supervisor approves through the dialog and the
 * entry is repaired on the server. zh_CN screenshot. */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "hc-client.h"
#include "hc-list-reason-dialog.h"
#include "hc-lists-pane.h"
#include "hc-repairs-view.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

typedef struct
{
  HcTestServer *server;
  gint64        entry;
  gint64        fresh;     /* a case within its deadline */
  gint64        late;      /* an overdue case */
} Fixture;

static char *
step (Fixture    *f,
      gint64      id,
      const char *etag,
      const char *action,
      const char *username)
{
  g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", id);
  g_autofree char *body = g_strdup_printf ("{\"action\":\"%s\",\"reason\":\"测试理由\"}", action);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(HcTestResponse) r = hc_test_request_full (f->server, "POST", path, hc_test_server_token (f->server, username),
                                                      "application/json", bytes, etag);

  hc_assert_status (r, 200, NULL);
  return g_strdup (r->etag);
}

static gint64
published_entry (Fixture    *f,
                 const char *uscc,
                 const char *name,
                 gint64      department)
{
  g_autofree char *subject =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"%s\",\"type\":\"legal_person\",\"industry\":\"批发和零售业\"}",
                     uscc, name);
  g_autofree char *body =
    g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《海南自由贸易港社会信用条例》\","
                     "\"facts\":\"测试事实\",\"measures\":[\"black.no_subsidies\"]}", uscc, department);
  g_autoptr(HcTestResponse) s = hc_test_request (f->server, "POST", "/subjects", hc_test_server_token (f->server, "admin"), subject);
  g_autoptr(HcTestResponse) e = NULL;
  g_autofree char *noticed = NULL;
  g_autofree char *published = NULL;
  gint64 id;

  hc_assert_status (s, 201, NULL);
  e = hc_test_request (f->server, "POST", "/lists/black/entries", hc_test_server_token (f->server, "analyst"), body);
  hc_assert_status (e, 201, NULL);
  id = json_object_get_int_member (hc_test_response_object (e), "id");
  noticed = step (f, id, e->etag, "notice", "analyst");
  published = step (f, id, noticed, "publish", "admin");
  return id;
}

static gint64
apply (Fixture    *f,
       const char *uscc,
       gint64      entry)
{
  g_autofree char *body =
    g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"entry_id\":%" G_GINT64_FORMAT ","
                     "\"reason\":\"已履行生效判决\",\"commitment\":true,\"evidence\":[\"法院结案通知书\",\"信用承诺书\"]}",
                     uscc, entry);
  g_autoptr(HcTestResponse) r = hc_test_request (f->server, "POST", "/repairs", hc_test_server_token (f->server, "analyst"), body);

  hc_assert_status (r, 201, NULL);
  return json_object_get_int_member (hc_test_response_object (r), "id");
}

static void
fixture_set_up (Fixture *f)
{
  g_autofree char *backdate = NULL;
  gint64 court, other, entry2;

  f->server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  {
    g_autoptr(HcTestResponse) r = hc_test_request (f->server, "PATCH", "/list-types/black",
                                                   hc_test_server_token (f->server, "admin"), "{\"notice_days\":0}");
    hc_assert_status (r, 200, NULL);
  }
  hc_test_create_user (f->server, "analyst", "analyst");
  court = hc_test_create_department (f->server, "FY", "海南省高级人民法院");
  other = hc_test_create_department (f->server, "HG", "海口海关");
  hc_test_create_user_in (f->server, "designating", "supervisor", court);
  hc_test_create_user_in (f->server, "outsider", "supervisor", other);
  f->entry = published_entry (f, "91460100MA5T100082", "海南修复测试1号贸易有限公司", court);
  entry2 = published_entry (f, "91460200MA5T100162", "海南修复测试2号贸易有限公司", court);
  f->fresh = apply (f, "91460100MA5T100082", f->entry);
  f->late = apply (f, "91460200MA5T100162", entry2);
  backdate = g_strdup_printf ("UPDATE repairs SET applied_on = date('now', '+8 hours', '-30 days'), deadline = date('now', '+8 hours', '-10 days')"
                              " WHERE id = %" G_GINT64_FORMAT, f->late);
  hc_test_server_backdate (f->server, backdate);
}

static gboolean
view_idle (gpointer data)
{
  return !hc_repairs_view_get_busy (HC_REPAIRS_VIEW (data)) && hc_repairs_view_get_total (HC_REPAIRS_VIEW (data)) >= 0;
}

static gboolean
dialog_shown (gpointer data)
{
  return hc_ui_find_window (HC_TYPE_LIST_REASON_DIALOG) != NULL;
}

static HcRepairsView *
open_view (HcWindow   *window,
           const char *username)
{
  HcListsPane *pane;
  HcRepairsView *view;

  pane = HC_LISTS_PANE (hc_ui_sign_in (window, username, "lists"));
  hc_lists_pane_show_view (pane, "repairs");
  view = hc_lists_pane_get_repairs_view (pane);
  hc_ui_wait_until ("the repair cases", view_idle, view);
  return view;
}

/* Clicks Approve and answers its dialog. */
static void
approve (HcRepairsView *view,
         const char    *comment)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "repairs.decide", "b", TRUE));
  hc_ui_wait_until ("the decision dialog", dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (hc_ui_find_window (HC_TYPE_LIST_REASON_DIALOG));
  /* a comment is optional when approving */
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), comment);
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hc_ui_wait_until ("the decision", view_idle, view);
}

static const char *
server_state (Fixture    *f,
              const char *path)
{
  static char state[32];
  g_autoptr(JsonObject) obj = hc_test_get_object (f->server, "admin", path);

  g_strlcpy (state, json_object_get_string_member (obj, "state"), sizeof state);
  return state;
}

static void
outsider_is_refused (HcApplication *app,
                     HcWindow      *window,
                     gpointer       data)
{
  Fixture *f = data;
  HcRepairsView *view = open_view (window, "outsider");
  g_autofree char *path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT, f->fresh);

  g_assert_cmpint (hc_repairs_view_get_total (view), ==, 2);
  g_assert_true (hc_repairs_view_select_case (view, f->fresh));
  hc_ui_wait_until ("the case", view_idle, view);
  g_assert_nonnull (hc_repair_get_etag (hc_repairs_view_get_case (view)));
  approve (view, "");
  g_test_message ("refusal: %s", hc_repairs_view_get_message (view));
  g_assert_nonnull (hc_repairs_view_get_message (view));
  g_assert_nonnull (strstr (hc_repairs_view_get_message (view), "海南省高级人民法院"));
  g_assert_cmpstr (server_state (f, path), ==, "pending");
  g_assert_cmpstr (hc_repair_get_state (hc_repairs_view_get_case (view)), ==, "pending");
}

static void
designating_supervisor_decides (HcApplication *app,
                                HcWindow      *window,
                                gpointer       data)
{
  Fixture *f = data;
  HcRepairsView *view = open_view (window, "designating");
  g_autofree char *case_path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT, f->fresh);
  g_autofree char *entry_path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, f->entry);
  g_autoptr(GdkTexture) shot = NULL;
  g_autoptr(HcRepair) first = NULL;

  /* Overdue: only the late case, marked. */
  g_assert_true (hc_repairs_view_set_filter (view, "overdue"));
  hc_ui_wait_until ("the overdue cases", view_idle, view);
  g_assert_cmpint (hc_repairs_view_get_total (view), ==, 1);
  first = g_list_model_get_item (hc_repairs_view_get_cases (view), 0);
  g_assert_cmpint (hc_repair_get_id (first), ==, f->late);
  g_assert_true (hc_repair_get_overdue (first));
  g_assert_true (hc_repairs_view_select_case (view, f->late));
  hc_ui_wait_until ("the late case", view_idle, view);
  g_assert_nonnull (hc_repairs_view_get_detail (view, "overdue"));
  g_assert_nonnull (strstr (hc_repairs_view_get_detail (view, "overdue"), "已超期"));

  /* Pending: both; the fresh case with what it repairs, evidence, history. */
  g_assert_true (hc_repairs_view_set_filter (view, "pending"));
  hc_ui_wait_until ("the pending cases", view_idle, view);
  g_assert_cmpint (hc_repairs_view_get_total (view), ==, 2);
  g_assert_true (hc_repairs_view_select_case (view, f->fresh));
  hc_ui_wait_until ("the case", view_idle, view);
  g_assert_null (hc_repairs_view_get_detail (view, "overdue"));
  g_assert_nonnull (strstr (hc_repairs_view_get_detail (view, "target"), "名单条目"));
  g_assert_nonnull (strstr (hc_repairs_view_get_detail (view, "target"), "严重失信主体名单"));
  g_assert_cmpstr (hc_repairs_view_get_detail (view, "department"), ==, "海南省高级人民法院");
  g_assert_cmpstr (hc_repairs_view_get_detail (view, "evidence"), ==, "法院结案通知书\n信用承诺书");
  g_assert_nonnull (strstr (hc_repairs_view_get_detail (view, "deadline"), "剩余"));
  /* The rule the server kept for the case, said on it: 20 working days of
   * the holiday calendar, or 20 calendar days when the calendar does not
   * cover the days from today. */
  g_test_message ("deadline: %s", hc_repairs_view_get_detail (view, "deadline"));
  g_assert_nonnull (strstr (hc_repairs_view_get_detail (view, "deadline"), "自申请之日起 20 个"));
  g_assert_nonnull (strstr (hc_repairs_view_get_detail (view, "deadline"), "节假日日历“中国法定节假日 2025–2026”"));
  if (g_strcmp0 (hc_repair_get_deadline_rule (hc_repairs_view_get_case (view)), "working_days") == 0)
    g_assert_nonnull (strstr (hc_repairs_view_get_detail (view, "deadline"), "工作日"));
  else
    g_assert_nonnull (strstr (hc_repairs_view_get_detail (view, "deadline"), "未覆盖"));
  g_assert_nonnull (strstr (hc_repairs_view_get_detail (view, "commitment"), "修复型信用承诺"));
  g_assert_nonnull (strstr (hc_repairs_view_get_detail (view, "history"), "analyst"));
  shot = hc_ui_take_shot (GTK_WIDGET (window), "lists-repairs");
  g_assert_false (hc_ui_texture_is_blank (shot));

  approve (view, "材料齐全，准予修复");
  g_assert_null (hc_repairs_view_get_message (view));
  g_assert_cmpstr (hc_repair_get_state (hc_repairs_view_get_case (view)), ==, "approved");
  g_assert_nonnull (strstr (hc_repairs_view_get_detail (view, "history"), "材料齐全"));
  g_assert_cmpstr (server_state (f, case_path), ==, "approved");
  g_assert_cmpstr (server_state (f, entry_path), ==, "repaired");
  /* The queue of pending cases no longer has it. */
  g_assert_cmpint (hc_repairs_view_get_total (view), ==, 1);
}

static void
test_repairs_outsider_is_refused (void)
{
  Fixture f = { 0, };
  const char *args[] = { "--server", NULL, NULL };

  fixture_set_up (&f);
  args[1] = hc_test_server_get_url (f.server);
  g_assert_cmpint (hc_ui_run_app (args, outsider_is_refused, &f), ==, 0);
  hc_test_server_free (f.server);
}

static void
test_repairs_designating_supervisor_decides (void)
{
  Fixture f = { 0, };
  const char *args[] = { "--server", NULL, NULL };

  fixture_set_up (&f);
  args[1] = hc_test_server_get_url (f.server);
  g_assert_cmpint (hc_ui_run_app (args, designating_supervisor_decides, &f), ==, 0);
  hc_test_server_free (f.server);
}

int
main (int   argc,
      char *argv[])
{
  hc_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/repairs/outsider-is-refused", test_repairs_outsider_is_refused);
  g_test_add_func ("/ui/repairs/designating-supervisor-decides", test_repairs_designating_supervisor_decides);
  return hc_ui_test_finish (g_test_run ());
}
