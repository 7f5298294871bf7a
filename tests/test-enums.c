/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of enum keys and labels, the list workflow and role ranks. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hc-core.h"

#define CHECK_ENUM(low, T, N)                                           \
  G_STMT_START {                                                        \
    for (guint i = 0; i < (N); i++)                                     \
      {                                                                 \
        const char *key = hc_##low##_to_key ((T) i);                    \
        T back;                                                         \
        g_assert_nonnull (key);                                         \
        g_assert_nonnull (hc_##low##_label ((T) i));                    \
        g_assert_cmpstr (hc_##low##_label ((T) i), !=, "");             \
        g_assert_true (hc_##low##_from_key (key, &back));               \
        g_assert_cmpint (back, ==, (T) i);                              \
      }                                                                 \
    g_assert_false (hc_##low##_from_key ("no-such-key", NULL));         \
    g_assert_false (hc_##low##_from_key (NULL, NULL));                  \
  } G_STMT_END

static void
test_keys_round_trip (void)
{
  CHECK_ENUM (subject_type, HcSubjectType, HC_SUBJECT_TYPE_N);
  CHECK_ENUM (disclosure, HcDisclosure, HC_DISCLOSURE_N);
  CHECK_ENUM (catalog_scope, HcCatalogScope, HC_CATALOG_SCOPE_N);
  CHECK_ENUM (update_frequency, HcUpdateFrequency, HC_UPDATE_FREQUENCY_N);
  CHECK_ENUM (list_class, HcListClass, HC_LIST_CLASS_N);
  CHECK_ENUM (list_entry_state, HcListEntryState, HC_LIST_ENTRY_STATE_N);
  CHECK_ENUM (list_action, HcListAction, HC_LIST_ACTION_N);
  CHECK_ENUM (indicator_kind, HcIndicatorKind, HC_INDICATOR_KIND_N);
  CHECK_ENUM (indicator_attribute, HcIndicatorAttribute, HC_INDICATOR_ATTRIBUTE_N);
  CHECK_ENUM (indicator_status, HcIndicatorStatus, HC_INDICATOR_STATUS_N);
  CHECK_ENUM (review_state, HcReviewState, HC_REVIEW_STATE_N);
  CHECK_ENUM (aggregation, HcAggregation, HC_AGGREGATION_N);
  CHECK_ENUM (risk_category, HcRiskCategory, HC_RISK_CATEGORY_N);
  CHECK_ENUM (role, HcRole, HC_ROLE_N);
  CHECK_ENUM (catalog_category, HcCatalogCategory, HC_CATALOG_CATEGORY_N);
}

static void
test_known_keys (void)
{
  HcListClass c;
  HcCatalogCategory cat;

  g_assert_cmpstr (hc_subject_type_to_key (HC_SUBJECT_TYPE_NATURAL_PERSON), ==, "natural_person");
  g_assert_cmpstr (hc_list_entry_state_to_key (HC_LIST_ENTRY_STATE_OBJECTED), ==, "objected");
  g_assert_cmpstr (hc_indicator_status_to_key (HC_INDICATOR_STATUS_NO_DATA), ==, "no_data");
  g_assert_true (hc_list_class_from_key ("black", &c));
  g_assert_cmpint (c, ==, HC_LIST_CLASS_BLACK);
  g_assert_true (hc_catalog_category_from_key ("serious_dishonesty", &cat));
  g_assert_cmpint (cat, ==, HC_CATALOG_CATEGORY_SERIOUS_DISHONESTY);
  g_assert_cmpuint (HC_CATALOG_CATEGORY_N, ==, 12);
  g_assert_cmpuint (HC_RISK_CATEGORY_N, ==, 8);
  g_assert_cmpuint (HC_LIST_ENTRY_STATE_N, ==, 7);
  g_assert_cmpuint (HC_LIST_ACTION_N, ==, 8);
}

typedef struct
{
  HcListEntryState from;
  HcListAction     action;
  HcListEntryState to;
} Legal;

static const Legal legal[] = {
  { HC_LIST_ENTRY_STATE_PROPOSED,  HC_LIST_ACTION_NOTICE,  HC_LIST_ENTRY_STATE_NOTICED },
  { HC_LIST_ENTRY_STATE_NOTICED,   HC_LIST_ACTION_PUBLISH, HC_LIST_ENTRY_STATE_PUBLISHED },
  { HC_LIST_ENTRY_STATE_NOTICED,   HC_LIST_ACTION_OBJECT,  HC_LIST_ENTRY_STATE_OBJECTED },
  { HC_LIST_ENTRY_STATE_PUBLISHED, HC_LIST_ACTION_OBJECT,  HC_LIST_ENTRY_STATE_OBJECTED },
  { HC_LIST_ENTRY_STATE_OBJECTED,  HC_LIST_ACTION_UPHOLD,  HC_LIST_ENTRY_STATE_PUBLISHED },
  { HC_LIST_ENTRY_STATE_OBJECTED,  HC_LIST_ACTION_REVOKE,  HC_LIST_ENTRY_STATE_EXITED },
  { HC_LIST_ENTRY_STATE_PUBLISHED, HC_LIST_ACTION_REPAIR,  HC_LIST_ENTRY_STATE_REPAIRED },
  { HC_LIST_ENTRY_STATE_PUBLISHED, HC_LIST_ACTION_EXIT,    HC_LIST_ENTRY_STATE_EXITED },
  { HC_LIST_ENTRY_STATE_REPAIRED,  HC_LIST_ACTION_EXIT,    HC_LIST_ENTRY_STATE_EXITED },
  { HC_LIST_ENTRY_STATE_PUBLISHED, HC_LIST_ACTION_EXPIRE,  HC_LIST_ENTRY_STATE_EXPIRED },
  { HC_LIST_ENTRY_STATE_REPAIRED,  HC_LIST_ACTION_EXPIRE,  HC_LIST_ENTRY_STATE_EXPIRED },
};

static void
test_transitions (void)
{
  guint n_legal = 0;

  /* Every (state, action) pair: legal exactly when in the table above. */
  for (guint s = 0; s < HC_LIST_ENTRY_STATE_N; s++)
    for (guint a = 0; a < HC_LIST_ACTION_N; a++)
      {
        const Legal *want = NULL;
        HcListEntryState to = (HcListEntryState) 99;
        gboolean ok;

        for (guint i = 0; i < G_N_ELEMENTS (legal); i++)
          if (legal[i].from == s && legal[i].action == a)
            want = &legal[i];
        ok = hc_list_action_apply ((HcListEntryState) s, (HcListAction) a, &to);
        if (want != NULL)
          {
            g_assert_true (ok);
            g_assert_cmpint (to, ==, want->to);
            n_legal++;
          }
        else
          {
            g_assert_false (ok);
            g_assert_cmpint (to, ==, 99);
          }
      }
  g_assert_cmpuint (n_legal, ==, G_N_ELEMENTS (legal));
  /* Terminal states allow nothing. */
  for (guint a = 0; a < HC_LIST_ACTION_N; a++)
    {
      g_assert_false (hc_list_action_apply (HC_LIST_ENTRY_STATE_EXITED, a, NULL));
      g_assert_false (hc_list_action_apply (HC_LIST_ENTRY_STATE_EXPIRED, a, NULL));
    }
}

static void
test_roles (void)
{
  for (HcListClass c = 0; c < HC_LIST_CLASS_N; c++)
    {
      g_assert_cmpstr (hc_list_action_required_role (HC_LIST_ACTION_NOTICE, c), ==, "analyst");
      g_assert_cmpstr (hc_list_action_required_role (HC_LIST_ACTION_OBJECT, c), ==, "analyst");
      g_assert_cmpstr (hc_list_action_required_role (HC_LIST_ACTION_UPHOLD, c), ==, "supervisor");
      g_assert_cmpstr (hc_list_action_required_role (HC_LIST_ACTION_REVOKE, c), ==, "supervisor");
      g_assert_cmpstr (hc_list_action_required_role (HC_LIST_ACTION_REPAIR, c), ==, "supervisor");
      g_assert_cmpstr (hc_list_action_required_role (HC_LIST_ACTION_EXIT, c), ==, "supervisor");
      g_assert_cmpstr (hc_list_action_required_role (HC_LIST_ACTION_EXPIRE, c), ==, "supervisor");
    }
  /* 四眼原则: a black or watch entry is published by a supervisor */
  g_assert_cmpstr (hc_list_action_required_role (HC_LIST_ACTION_PUBLISH, HC_LIST_CLASS_RED), ==, "analyst");
  g_assert_cmpstr (hc_list_action_required_role (HC_LIST_ACTION_PUBLISH, HC_LIST_CLASS_BLACK), ==, "supervisor");
  g_assert_cmpstr (hc_list_action_required_role (HC_LIST_ACTION_PUBLISH, HC_LIST_CLASS_WATCH), ==, "supervisor");

  g_assert_true (hc_role_at_least (HC_ROLE_ANALYST, HC_ROLE_ANALYST));
  g_assert_false (hc_role_at_least (HC_ROLE_ANALYST, HC_ROLE_SUPERVISOR));
  g_assert_false (hc_role_at_least (HC_ROLE_SUPERVISOR, HC_ROLE_ADMIN));
  g_assert_true (hc_role_at_least (HC_ROLE_SUPERVISOR, HC_ROLE_ANALYST));
  g_assert_true (hc_role_at_least (HC_ROLE_ADMIN, HC_ROLE_SUPERVISOR));
  g_assert_true (hc_role_at_least (HC_ROLE_ADMIN, HC_ROLE_ADMIN));
}

/* Labels and validator messages come out in Chinese from the hncredit
 * domain whatever text domain the program itself uses. */
static void
test_labels_translated (void)
{
  const char *build = g_getenv ("HC_BUILD_ROOT");
  g_autofree char *localedir = NULL;
  g_autoptr(GError) error = NULL;

  if (build == NULL || setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("no zh_CN.UTF-8 locale or HC_BUILD_ROOT");
      return;
    }
  localedir = g_build_filename (build, "po", "locale", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain ("some-other-program");

  g_assert_cmpstr (hc_list_class_label (HC_LIST_CLASS_BLACK), ==, "严重失信主体名单");
  g_assert_cmpstr (hc_list_class_label (HC_LIST_CLASS_RED), ==, "守信激励名单");
  g_assert_cmpstr (hc_catalog_category_label (HC_CATALOG_CATEGORY_REGISTRATION), ==, "登记注册基本信息");
  g_assert_cmpstr (hc_list_action_label (HC_LIST_ACTION_REPAIR), ==, "信用修复");
  g_assert_cmpstr (hc_role_label (HC_ROLE_SUPERVISOR), ==, "审核员");

  g_assert_false (hc_uscc_validate ("91350100M000100Y4X", NULL, &error));
  g_assert_cmpstr (error->message, ==, "第 18 位校验码应为“3”，实为“X”");
  g_clear_error (&error);
  g_assert_false (hc_uscc_validate ("91350100M0I0100Y43", NULL, &error));
  g_assert_nonnull (strstr (error->message, "第 11 位字符“I”不允许"));

  setlocale (LC_ALL, "C");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/enums/keys-round-trip-and-labels-exist", test_keys_round_trip);
  g_test_add_func ("/enums/known-keys", test_known_keys);
  g_test_add_func ("/enums/list-workflow-legal-and-illegal", test_transitions);
  g_test_add_func ("/enums/roles-rank-and-action-roles", test_roles);
  g_test_add_func ("/enums/labels-and-messages-are-translated", test_labels_translated);
  return g_test_run ();
}
