/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 名单管理 pane against a real server: entries the test proposes through
 * the API appear with their total and history; a legal step taken in the
 * pane reaches the server; an illegal one is not offered; a stale ETag says
 * so, reloads and changes nothing. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-client.h"
#include "hc-core.h"
#include "hc-list-entry-event.h"
#include "hc-lists-pane.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

/* Valid 统一社会信用代码 (GB 32100) of the test's subjects. */
static const char * const usccs[] = {
  "91460100MA5T100082", "91460200MA5T100162", "91460400MA5T100247",
};

typedef struct
{
  HcTestServer *server;
  gint64        ids[G_N_ELEMENTS (usccs)];
} Fixture;

static void
fixture_set_up (Fixture *f)
{
  const char *admin, *analyst;
  gint64 department;

  f->server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  admin = hc_test_server_token (f->server, "admin");
  {
    /* Four eyes: the entries are proposed by an analyst, so that the admin
     * may publish them, and on the day they are noticed. */
    g_autoptr(HcTestResponse) r =
      hc_test_request (f->server, "PATCH", "/list-types/black", admin, "{\"notice_days\":0}");
    hc_assert_status (r, 200, NULL);
    analyst = hc_test_create_user (f->server, "analyst", "analyst");
  }
  {
    g_autoptr(HcTestResponse) r =
      hc_test_request (f->server, "POST", "/departments", admin, "{\"code\":\"FY\",\"name\":\"海南省高级人民法院\"}");
    hc_assert_status (r, 201, NULL);
    department = json_object_get_int_member (hc_test_response_object (r), "id");
  }
  for (guint i = 0; i < G_N_ELEMENTS (usccs); i++)
    {
      g_autofree char *subject =
        g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"海南测试%u号贸易有限公司\",\"type\":\"legal_person\","
                         "\"industry\":\"批发和零售业\"}", usccs[i], i + 1);
      g_autofree char *entry =
        g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《海南自由贸易港社会信用条例》\","
                         "\"facts\":\"测试事实\",\"measures\":[\"black.no_subsidies\"]}", usccs[i], department);
      g_autoptr(HcTestResponse) s = hc_test_request (f->server, "POST", "/subjects", admin, subject);
      g_autoptr(HcTestResponse) e = NULL;

      hc_assert_status (s, 201, NULL);
      e = hc_test_request (f->server, "POST", "/lists/black/entries", analyst, entry);
      hc_assert_status (e, 201, NULL);
      f->ids[i] = json_object_get_int_member (hc_test_response_object (e), "id");
    }
}

static void
fixture_tear_down (Fixture *f)
{
  g_clear_pointer (&f->server, hc_test_server_free);
}

/* The entry as the server has it now. */
static HcTestResponse *
server_entry (Fixture *f,
              gint64   id)
{
  g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, id);
  HcTestResponse *r = hc_test_request (f->server, "GET", path, hc_test_server_token (f->server, "admin"), NULL);

  hc_assert_status (r, 200, NULL);
  return r;
}

static gboolean
pane_settled (gpointer data)
{
  HcListsPane *pane = data;
  return !hc_lists_pane_get_busy (pane) && hc_lists_pane_get_total (pane) >= 0;
}

static gboolean
entry_shown (gpointer data)
{
  HcListsPane *pane = data;
  return !hc_lists_pane_get_busy (pane) && hc_lists_pane_get_entry (pane) != NULL;
}

static gboolean
not_busy (gpointer data)
{
  return !hc_lists_pane_get_busy (HC_LISTS_PANE (data));
}

static gboolean
types_loaded (gpointer data)
{
  return hc_lists_pane_select_list_type (HC_LISTS_PANE (data), "black");
}

/* Signs in as @username and shows the black list. */
static HcListsPane *
open_pane_as (HcWindow   *window,
              const char *username)
{
  HcListsPane *pane;

  pane = HC_LISTS_PANE (hc_ui_sign_in (window, username, "lists"));
  hc_ui_wait_until ("the list types", types_loaded, pane);
  hc_ui_wait_until ("the black list", pane_settled, pane);
  return pane;
}

static HcListsPane *
open_pane (HcWindow *window)
{
  return open_pane_as (window, "admin");
}

static void
select_entry (HcListsPane *pane,
              gint64       id)
{
  g_assert_true (hc_lists_pane_select_entry (pane, id));
  hc_ui_wait_until ("the entry's details", entry_shown, pane);
  g_assert_cmpint (hc_list_entry_get_id (hc_lists_pane_get_entry (pane)), ==, id);
  g_assert_nonnull (hc_list_entry_get_history (hc_lists_pane_get_entry (pane)));
}

static AdwMessageDialog *
find_dialog (void)
{
  return (AdwMessageDialog *) hc_ui_find_window (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

/* Clicks @action's button and answers its dialog with @reason. */
static void
take_action (HcListsPane *pane,
             const char  *action,
             const char  *reason)
{
  GtkWidget *button = hc_lists_pane_get_action_button (pane, action);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  hc_ui_wait_until ("the reason dialog", dialog_shown, NULL);
  dialog = find_dialog ();
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), reason);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hc_ui_wait_until ("the answer to the action", not_busy, pane);
}

static void
shows_entries_total_and_history (HcApplication *app,
                                 HcWindow      *window,
                                 gpointer       data)
{
  Fixture *f = data;
  HcListsPane *pane = open_pane (window);
  GListModel *history;
  g_autoptr(HcListEntryEvent) first = NULL;

  g_assert_cmpint (hc_lists_pane_get_total (pane), ==, G_N_ELEMENTS (usccs));
  g_assert_cmpuint (g_list_model_get_n_items (hc_lists_pane_get_entries (pane)), ==, G_N_ELEMENTS (usccs));

  select_entry (pane, f->ids[1]);
  g_assert_cmpstr (hc_list_entry_get_state (hc_lists_pane_get_entry (pane)), ==, "proposed");
  g_assert_cmpstr (hc_list_entry_get_subject_name (hc_lists_pane_get_entry (pane)), ==, "海南测试2号贸易有限公司");
  history = hc_list_entry_get_history (hc_lists_pane_get_entry (pane));
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  first = g_list_model_get_item (history, 0);
  g_assert_cmpstr (hc_list_entry_event_get_action (first), ==, "propose");
  g_assert_cmpstr (hc_list_entry_event_get_actor (first), ==, "analyst");
}

static gboolean
one_found (gpointer data)
{
  HcListsPane *pane = data;
  return !hc_lists_pane_get_busy (pane) && hc_lists_pane_get_total (pane) == 1;
}

static void
search_finds_by_name (HcApplication *app,
                      HcWindow      *window,
                      gpointer       data)
{
  HcListsPane *pane = open_pane (window);
  GtkWidget *search;
  GtkWidget *focus;
  g_autoptr(HcListEntry) row = NULL;

  /* Ctrl+F (the window's search action) goes to the pane's search entry. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  search = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_is_ancestor (search, GTK_WIDGET (pane)));
  /* (not the search of a drop-down's popover) */
  g_assert_null (gtk_widget_get_ancestor (search, GTK_TYPE_DROP_DOWN));

  gtk_editable_set_text (GTK_EDITABLE (search), "海南测试3号");
  hc_ui_wait_until ("the search's answer", one_found, pane);
  g_assert_cmpuint (g_list_model_get_n_items (hc_lists_pane_get_entries (pane)), ==, 1);
  row = g_list_model_get_item (hc_lists_pane_get_entries (pane), 0);
  g_assert_cmpstr (hc_list_entry_get_subject_name (row), ==, "海南测试3号贸易有限公司");
}

static void
test_lists_search_finds_by_name (void)
{
  Fixture f = { 0, };
  const char *args[] = { "--server", NULL, NULL };

  fixture_set_up (&f);
  args[1] = hc_test_server_get_url (f.server);
  g_assert_cmpint (hc_ui_run_app (args, search_finds_by_name, &f), ==, 0);
  fixture_tear_down (&f);
}

static void
test_lists_shows_entries_total_and_history (void)
{
  Fixture f = { 0, };
  const char *args[] = { "--server", NULL, NULL };

  fixture_set_up (&f);
  args[1] = hc_test_server_get_url (f.server);
  g_assert_cmpint (hc_ui_run_app (args, shows_entries_total_and_history, &f), ==, 0);
  fixture_tear_down (&f);
}

static void
legal_step_reaches_the_server (HcApplication *app,
                               HcWindow      *window,
                               gpointer       data)
{
  Fixture *f = data;
  HcListsPane *pane = open_pane (window);
  g_autoptr(HcTestResponse) after = NULL;
  g_autoptr(HcListEntry) row = NULL;
  JsonArray *history;
  guint position = G_MAXUINT;

  select_entry (pane, f->ids[0]);

  /* From 拟列入 only 告知 is open: the others are not offered. */
  g_assert_true (gtk_widget_get_visible (hc_lists_pane_get_action_button (pane, "notice")));
  for (const char * const *a = (const char * const[]) { "publish", "object", "uphold", "revoke", "repair", "exit", "expire", NULL }; *a; a++)
    g_assert_false (gtk_widget_get_visible (hc_lists_pane_get_action_button (pane, *a)));
  /* …nor taken when asked for through the action itself. */
  gtk_widget_activate_action (GTK_WIDGET (pane), "lists.transition", "s", "publish");
  g_assert_null (find_dialog ());

  take_action (pane, "notice", "已送达告知书");
  g_assert_null (hc_lists_pane_get_message (pane));
  g_assert_cmpstr (hc_list_entry_get_state (hc_lists_pane_get_entry (pane)), ==, "noticed");
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_entry_get_history (hc_lists_pane_get_entry (pane))), ==, 2);
  /* The row shows the new state too. */
  for (guint i = 0; i < g_list_model_get_n_items (hc_lists_pane_get_entries (pane)); i++)
    {
      g_autoptr(HcListEntry) r = g_list_model_get_item (hc_lists_pane_get_entries (pane), i);
      if (hc_list_entry_get_id (r) == f->ids[0])
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  row = g_list_model_get_item (hc_lists_pane_get_entries (pane), position);
  g_assert_cmpstr (hc_list_entry_get_state (row), ==, "noticed");
  /* Now 公示 and 提出异议 are open, and 告知 no longer. */
  g_assert_false (gtk_widget_get_visible (hc_lists_pane_get_action_button (pane, "notice")));
  g_assert_true (gtk_widget_get_visible (hc_lists_pane_get_action_button (pane, "publish")));

  after = server_entry (f, f->ids[0]);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (after), "state"), ==, "noticed");
  history = json_object_get_array_member (hc_test_response_object (after), "history");
  g_assert_cmpuint (json_array_get_length (history), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 1), "reason"), ==, "已送达告知书");
}

static void
test_lists_legal_step_reaches_the_server (void)
{
  Fixture f = { 0, };
  const char *args[] = { "--server", NULL, NULL };

  fixture_set_up (&f);
  args[1] = hc_test_server_get_url (f.server);
  g_assert_cmpint (hc_ui_run_app (args, legal_step_reaches_the_server, &f), ==, 0);
  fixture_tear_down (&f);
}

static void
stale_write_changes_nothing (HcApplication *app,
                             HcWindow      *window,
                             gpointer       data)
{
  Fixture *f = data;
  HcListsPane *pane = open_pane (window);
  g_autoptr(HcTestResponse) before = NULL;
  g_autoptr(HcTestResponse) behind = NULL;
  g_autoptr(HcTestResponse) after = NULL;
  g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", f->ids[2]);
  g_autoptr(GBytes) body = g_bytes_new_static ("{\"action\":\"notice\"}", 19);
  const char *expected;

  select_entry (pane, f->ids[2]);
  g_assert_cmpstr (hc_list_entry_get_state (hc_lists_pane_get_entry (pane)), ==, "proposed");

  /* Someone else gives notice while the pane shows the entry. */
  before = server_entry (f, f->ids[2]);
  behind = hc_test_request_full (f->server, "POST", path, hc_test_server_token (f->server, "admin"),
                                 "application/json", body, before->etag);
  hc_assert_status (behind, 200, NULL);

  take_action (pane, "notice", "再次告知");
  expected = g_dgettext (GETTEXT_PACKAGE, "The entry was changed by someone else; it has been reloaded.");
  g_assert_cmpstr (hc_lists_pane_get_message (pane), ==, expected);
  g_assert_nonnull (strstr (hc_lists_pane_get_message (pane), "已重新加载"));
  /* Reloaded: the pane shows the other's step and offers what follows it. */
  g_assert_cmpstr (hc_list_entry_get_state (hc_lists_pane_get_entry (pane)), ==, "noticed");
  g_assert_cmpstr (hc_list_entry_get_etag (hc_lists_pane_get_entry (pane)), ==, behind->etag);
  g_assert_false (gtk_widget_get_visible (hc_lists_pane_get_action_button (pane, "notice")));

  /* The server kept only the other's step. */
  after = server_entry (f, f->ids[2]);
  g_assert_cmpstr (after->etag, ==, behind->etag);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (after), "history")), ==, 2);
}

static void
test_lists_stale_write_changes_nothing (void)
{
  Fixture f = { 0, };
  const char *args[] = { "--server", NULL, NULL };

  fixture_set_up (&f);
  args[1] = hc_test_server_get_url (f.server);
  g_assert_cmpint (hc_ui_run_app (args, stale_write_changes_nothing, &f), ==, 0);
  fixture_tear_down (&f);
}

/* Takes @action on entry @id through the API, as the administrator. */
static void
step_through_api (Fixture    *f,
                  gint64      id,
                  const char *action)
{
  g_autoptr(HcTestResponse) now = server_entry (f, id);
  g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", id);
  g_autofree char *text = g_strdup_printf ("{\"action\":\"%s\",\"reason\":\"测试\"}", action);
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));
  g_autoptr(HcTestResponse) r =
    hc_test_request_full (f->server, "POST", path, hc_test_server_token (f->server, "admin"),
                          "application/json", body, now->etag);

  hc_assert_status (r, 200, NULL);
}

static void
analyst_cannot_repair (HcApplication *app,
                       HcWindow      *window,
                       gpointer       data)
{
  Fixture *f = data;
  HcListsPane *pane = open_pane_as (window, "ana");
  const char *supervisor = hc_role_label (HC_ROLE_SUPERVISOR);

  select_entry (pane, f->ids[0]);
  g_assert_cmpstr (hc_list_entry_get_state (hc_lists_pane_get_entry (pane)), ==, "published");
  /* An analyst may object to a published entry… */
  g_assert_true (gtk_widget_is_sensitive (hc_lists_pane_get_action_button (pane, "object")));
  /* …and sees the supervisor's steps, disabled, with the reason why. */
  for (const char * const *a = (const char * const[]) { "repair", "exit", "expire", NULL }; *a; a++)
    {
      GtkWidget *button = hc_lists_pane_get_action_button (pane, *a);

      g_assert_true (gtk_widget_get_visible (button));
      g_assert_false (gtk_widget_is_sensitive (button));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), supervisor));
    }
  gtk_widget_activate_action (GTK_WIDGET (pane), "lists.transition", "s", "repair");
  g_assert_null (find_dialog ());

  /* 四眼原则: publishing a black-list entry is a supervisor's step (the core's
   * rule by list class), so the app does not offer it to an analyst. */
  select_entry (pane, f->ids[1]);
  g_assert_cmpstr (hc_list_entry_get_state (hc_lists_pane_get_entry (pane)), ==, "noticed");
  g_assert_true (gtk_widget_get_visible (hc_lists_pane_get_action_button (pane, "publish")));
  g_assert_false (gtk_widget_is_sensitive (hc_lists_pane_get_action_button (pane, "publish")));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (hc_lists_pane_get_action_button (pane, "publish")),
                            supervisor));
  gtk_widget_activate_action (GTK_WIDGET (pane), "lists.transition", "s", "publish");
  g_assert_null (find_dialog ());
}

static void
test_lists_analyst_cannot_repair (void)
{
  Fixture f = { 0, };
  const char *args[] = { "--server", NULL, NULL };
  const char *body = "{\"username\":\"ana\",\"password\":\"" HC_TEST_PASSWORD "\",\"role\":\"analyst\"}";
  g_autoptr(HcTestResponse) user = NULL;

  fixture_set_up (&f);
  user = hc_test_request (f.server, "POST", "/users", hc_test_server_token (f.server, "admin"), body);
  hc_assert_status (user, 201, NULL);
  step_through_api (&f, f.ids[0], "notice");
  step_through_api (&f, f.ids[0], "publish");
  step_through_api (&f, f.ids[1], "notice");
  args[1] = hc_test_server_get_url (f.server);
  g_assert_cmpint (hc_ui_run_app (args, analyst_cannot_repair, &f), ==, 0);
  fixture_tear_down (&f);
}

static void
objection_freezes_the_entry (HcApplication *app,
                             HcWindow      *window,
                             gpointer       data)
{
  Fixture *f = data;
  HcListsPane *pane = open_pane (window);
  const char *standing;
  g_autoptr(GdkTexture) shot = NULL;
  g_auto(GStrv) classes = NULL;

  /* Published: nothing to say. */
  select_entry (pane, f->ids[1]);
  g_assert_null (hc_lists_pane_get_standing (pane));

  /* Under objection: still listed, marked 异议中, its publicity paused. */
  select_entry (pane, f->ids[0]);
  g_assert_cmpstr (hc_list_entry_get_state (hc_lists_pane_get_entry (pane)), ==, "objected");
  standing = hc_lists_pane_get_standing (pane);
  g_assert_nonnull (standing);
  g_assert_nonnull (strstr (standing, "异议中"));
  g_assert_nonnull (strstr (standing, "公示暂停"));
  /* The deadline and the rule it was counted by (working days of the
   * holiday calendar, or calendar days beyond its years). */
  g_assert_nonnull (strstr (standing, hc_list_entry_get_objection_deadline (hc_lists_pane_get_entry (pane))));
  g_assert_nonnull (strstr (standing, "期限计算"));
  g_assert_true (strstr (standing, "个工作日") != NULL || strstr (standing, "个自然日") != NULL);
  g_assert_null (strstr (standing, "已逾期"));
  g_object_get (hc_lists_pane_get_entry (pane), "state-css-classes", &classes, NULL);
  g_assert_true (g_strv_contains ((const char * const *) classes, "warning"));
  g_clear_pointer (&classes, g_strfreev);
  g_assert_cmpint (hc_lists_pane_get_total (pane), ==, G_N_ELEMENTS (usccs));
  shot = hc_ui_take_shot (GTK_WIDGET (window), "lists-objected");
  g_assert_false (hc_ui_texture_is_blank (shot));
  g_clear_object (&shot);

  /* Past its deadline: overdue, in the list's state column too, in red. */
  select_entry (pane, f->ids[2]);
  standing = hc_lists_pane_get_standing (pane);
  g_assert_nonnull (strstr (standing, "已逾期"));
  g_assert_nonnull (strstr (hc_list_entry_get_state_label (hc_lists_pane_get_entry (pane)), "已逾期"));
  g_object_get (hc_lists_pane_get_entry (pane), "state-css-classes", &classes, NULL);
  g_assert_true (g_strv_contains ((const char * const *) classes, "error"));
  shot = hc_ui_take_shot (GTK_WIDGET (window), "lists-objection-overdue");
  g_assert_false (hc_ui_texture_is_blank (shot));
}

static void
test_lists_objection_freezes_the_entry (void)
{
  Fixture f = { 0, };
  const char *args[] = { "--server", NULL, NULL };
  g_autofree char *sql = NULL;

  fixture_set_up (&f);
  for (guint i = 0; i < 2; i++)
    {
      step_through_api (&f, f.ids[i], "notice");
      step_through_api (&f, f.ids[i], "publish");
    }
  step_through_api (&f, f.ids[0], "object");
  /* The third under an objection whose deadline has passed (dated back in
   * the database). */
  step_through_api (&f, f.ids[2], "notice");
  step_through_api (&f, f.ids[2], "publish");
  step_through_api (&f, f.ids[2], "object");
  sql = g_strdup_printf ("UPDATE list_entry_history SET deadline = date ('now', '+8 hours', '-3 days')"
                         " WHERE entry_id = %" G_GINT64_FORMAT " AND action = 'object'", f.ids[2]);
  hc_test_exec_sql (f.server, sql);
  args[1] = hc_test_server_get_url (f.server);
  g_assert_cmpint (hc_ui_run_app (args, objection_freezes_the_entry, &f), ==, 0);
  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  hc_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/lists/shows-entries-total-and-history", test_lists_shows_entries_total_and_history);
  g_test_add_func ("/ui/lists/legal-step-reaches-the-server", test_lists_legal_step_reaches_the_server);
  g_test_add_func ("/ui/lists/stale-write-changes-nothing", test_lists_stale_write_changes_nothing);
  g_test_add_func ("/ui/lists/analyst-cannot-repair", test_lists_analyst_cannot_repair);
  g_test_add_func ("/ui/lists/search-finds-by-name", test_lists_search_finds_by_name);
  g_test_add_func ("/ui/lists/objection-freezes-the-entry", test_lists_objection_freezes_the_entry);
  return hc_ui_test_finish (g_test_run ());
}
