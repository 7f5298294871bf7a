/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Proposing a list entry from the 名单管理 pane against a real server: the
 * identifier is checked as typed, the subject's name comes from the server,
 * a value the server refuses is shown on its field and changes nothing, and
 * a complete form proposes the entry (拟列入), which the pane then shows. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-client.h"
#include "hc-core.h"
#include "hc-list-entry-dialog.h"
#include "hc-lists-pane.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

#define USCC      "91460100MA5T100082"
#define BAD_USCC  "91460100MA5T100083"   /* wrong check character */
#define NAME      "海南测试拟列入贸易有限公司"

typedef struct
{
  HcTestServer *server;
  gint64        department;
} Fixture;

static void
fixture_set_up (Fixture *f)
{
  const char *admin;

  f->server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  admin = hc_test_server_token (f->server, "admin");
  {
    g_autoptr(HcTestResponse) r =
      hc_test_request (f->server, "POST", "/departments", admin,
                       "{\"code\":\"SCJG\",\"name\":\"海南省市场监督管理局\"}");
    hc_assert_status (r, 201, NULL);
    f->department = json_object_get_int_member (hc_test_response_object (r), "id");
  }
  {
    g_autoptr(HcTestResponse) s =
      hc_test_request (f->server, "POST", "/subjects", admin,
                       "{\"identifier\":\"" USCC "\",\"name\":\"" NAME "\",\"type\":\"legal_person\","
                       "\"industry\":\"批发和零售业\"}");
    hc_assert_status (s, 201, NULL);
  }
}

static void
fixture_tear_down (Fixture *f)
{
  g_clear_pointer (&f->server, hc_test_server_free);
}

static gboolean
types_loaded (gpointer data)
{
  return hc_lists_pane_select_list_type (HC_LISTS_PANE (data), "black");
}

static gboolean
pane_settled (gpointer data)
{
  HcListsPane *pane = data;
  return !hc_lists_pane_get_busy (pane) && hc_lists_pane_get_total (pane) >= 0;
}

static HcListEntryDialog *
find_dialog (void)
{
  return (HcListEntryDialog *) hc_ui_find_window (HC_TYPE_LIST_ENTRY_DIALOG);
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return !hc_list_entry_dialog_get_busy (HC_LIST_ENTRY_DIALOG (data));
}

static gboolean
entry_proposed_shown (gpointer data)
{
  HcListsPane *pane = data;
  HcListEntry *entry = hc_lists_pane_get_entry (pane);

  return !hc_lists_pane_get_busy (pane) && hc_lists_pane_get_total (pane) == 1 && entry != NULL &&
         g_strcmp0 (hc_list_entry_get_subject_name (entry), NAME) == 0;
}

/* The entries of the black list as the server has them. */
static JsonArray *
server_entries (Fixture         *f,
                HcTestResponse **keep)
{
  *keep = hc_test_request (f->server, "GET", "/lists/black/entries", hc_test_server_token (f->server, "admin"), NULL);
  hc_assert_status (*keep, 200, NULL);
  return json_object_get_array_member (hc_test_response_object (*keep), "items");
}

static void
propose_entry_end_to_end (HcApplication *app,
                          HcWindow      *window,
                          gpointer       data)
{
  Fixture *f = data;
  HcListsPane *pane;
  HcListEntryDialog *dialog;
  g_autoptr(HcTestResponse) before = NULL;
  g_autoptr(HcTestResponse) after = NULL;
  g_autoptr(GdkTexture) shot = NULL;
  const char *message;
  JsonObject *entry;

  pane = HC_LISTS_PANE (hc_ui_sign_in (window, "admin", "lists"));
  hc_ui_wait_until ("the list types", types_loaded, pane);
  hc_ui_wait_until ("the black list", pane_settled, pane);
  g_assert_cmpint (hc_lists_pane_get_total (pane), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (pane), "lists.new-entry", NULL);
  hc_ui_wait_until ("the new entry form", dialog_shown, NULL);
  dialog = find_dialog ();
  hc_ui_wait_until ("the departments", dialog_idle, dialog);

  /* A wrong check character is named as typed, in Chinese, before any request. */
  hc_list_entry_dialog_set_identifier (dialog, BAD_USCC);
  message = hc_list_entry_dialog_get_message (dialog, "subject");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "第 18 位"));
  g_assert_null (hc_list_entry_dialog_get_subject_name (dialog));
  /* …and cannot be proposed. */
  hc_list_entry_dialog_propose (dialog);
  g_assert_false (hc_list_entry_dialog_get_busy (dialog));

  /* A valid one is looked up: the subject's name comes from the server. */
  hc_list_entry_dialog_set_identifier (dialog, " " USCC " ");
  g_assert_null (hc_list_entry_dialog_get_message (dialog, "subject"));
  hc_ui_wait_until ("the subject's name", dialog_idle, dialog);
  g_assert_cmpstr (hc_list_entry_dialog_get_subject_name (dialog), ==, NAME);

  /* The basis starts with the regulation's right name. */
  g_assert_true (hc_list_entry_dialog_select_department (dialog, f->department));
  g_assert_true (hc_list_entry_dialog_set_measure (dialog, "black.no_subsidies", TRUE));
  g_assert_false (hc_list_entry_dialog_set_measure (dialog, "red.green_channel", TRUE));
  hc_list_entry_dialog_set_facts (dialog, "拒不履行法院生效判决");
  hc_list_entry_dialog_set_basis (dialog, "《海南自由贸易港社会信用条例》第三十二条", "琼市监处罚〔2025〕12号");

  /* A date the server refuses is shown on its field; nothing is written. */
  hc_list_entry_dialog_set_until (dialog, "2030-02-30");
  hc_list_entry_dialog_propose (dialog);
  hc_ui_wait_until ("the server's refusal", dialog_idle, dialog);
  g_assert_nonnull (find_dialog ());
  g_assert_nonnull (hc_list_entry_dialog_get_message (dialog, "published_until"));
  g_assert_null (hc_list_entry_dialog_get_message (dialog, NULL));
  g_assert_cmpuint (json_array_get_length (server_entries (f, &before)), ==, 0);

  hc_list_entry_dialog_set_until (dialog, "2029-12-31");
  shot = hc_ui_take_shot (GTK_WIDGET (dialog), "lists-new-entry");
  g_assert_false (hc_ui_texture_is_blank (shot));
  hc_list_entry_dialog_propose (dialog);
  hc_ui_wait_until ("the form to close", dialog_gone, NULL);

  /* The pane shows the proposed entry, selected. */
  hc_ui_wait_until ("the proposed entry", entry_proposed_shown, pane);
  g_assert_cmpstr (hc_list_entry_get_state (hc_lists_pane_get_entry (pane)), ==, "proposed");

  entry = json_array_get_object_element (server_entries (f, &after), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "state"), ==, "proposed");
  g_assert_cmpstr (json_object_get_string_member (entry, "subject_identifier"), ==, USCC);
  g_assert_cmpint (json_object_get_int_member (entry, "department_id"), ==, f->department);
  g_assert_nonnull (strstr (json_object_get_string_member (entry, "basis"), "《海南自由贸易港社会信用条例》第三十二条"));
  g_assert_nonnull (strstr (json_object_get_string_member (entry, "basis"), "琼市监处罚〔2025〕12号"));
  g_assert_cmpstr (json_object_get_string_member (entry, "facts"), ==, "拒不履行法院生效判决");
  g_assert_cmpstr (json_object_get_string_member (entry, "published_until"), ==, "2029-12-31");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry, "measures")), ==, 1);
}

static void
test_lists_propose_entry_end_to_end (void)
{
  Fixture f = { 0, };
  const char *args[] = { "--server", NULL, NULL };

  fixture_set_up (&f);
  args[1] = hc_test_server_get_url (f.server);
  g_assert_cmpint (hc_ui_run_app (args, propose_entry_end_to_end, &f), ==, 0);
  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  hc_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/lists/propose-entry-end-to-end", test_lists_propose_entry_end_to_end);
  return hc_ui_test_finish (g_test_run ());
}
