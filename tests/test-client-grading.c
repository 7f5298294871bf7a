/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's 公共信用综合评价 calls against the real server: a draft
 * created, edited (a refused weight answered with its field), previewed
 * and published, the versions listed; a subject's grade as typed values
 * with its factors, and an override refused without a reason. */
#include "config.h"

#include <string.h>

#include "hc-client.h"
#include "hc-core.h"
#include "hc-grade-factor.h"
#include "hc-grade-share.h"
#include "hc-test-client.h"

static HcTestServer *server;

#define WAIT(call_async, call_finish, out, error, ...)                 \
  G_STMT_START {                                                       \
    HcTestWait _wait = { NULL };                                       \
    call_async (__VA_ARGS__, NULL, hc_test_wait_store, &_wait);        \
    out = call_finish (client, hc_test_wait_for (&_wait), error);      \
    g_clear_object (&_wait.result);                                    \
  } G_STMT_END

static void
test_models_draft_edit_preview_publish (void)
{
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(HcGradingModel) draft = NULL;
  g_autoptr(HcGradingModel) edited = NULL;
  g_autoptr(HcGradingModel) refused = NULL;
  g_autoptr(HcGradingModel) read = NULL;
  g_autoptr(HcGradingPass) preview = NULL;
  g_autoptr(HcGradingPass) published = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(HcGradingModel) newest = NULL;
  const gint64 bands[3] = { 85, 70, 55 };
  const HcGradeWeight weights[] = { { "years_registered", 3 }, { "commitments_broken", -15 } };
  const HcGradeWeight bad[] = { { "no_such_factor", 3 } };
  gint64 subjects = hc_test_count_rows (server, "SELECT count(*) FROM subjects");

  WAIT (hc_client_create_grading_model_async, hc_client_create_grading_model_finish, draft, &error,
        client, 0, "客户端测试模型");
  g_assert_no_error (error);
  g_assert_true (hc_grading_model_is_draft (draft));
  g_assert_cmpstr (hc_grading_model_get_title (draft), ==, "客户端测试模型");
  g_assert_nonnull (hc_grading_model_get_etag (draft));
  g_assert_cmpuint (g_list_model_get_n_items (hc_grading_model_get_factors (draft)), ==, 14);

  WAIT (hc_client_edit_grading_model_async, hc_client_edit_grading_model_finish, refused, &error,
        client, draft, NULL, 60, bands, bad, G_N_ELEMENTS (bad));
  g_assert_null (refused);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
  g_assert_cmpstr (hc_client_error_get_code (error), ==, "invalid_factor");
  g_clear_error (&error);

  WAIT (hc_client_edit_grading_model_async, hc_client_edit_grading_model_finish, edited, &error,
        client, draft, "客户端测试模型（修订）", 60, bands, weights, G_N_ELEMENTS (weights));
  g_assert_no_error (error);
  g_assert_cmpstr (hc_grading_model_get_title (edited), ==, "客户端测试模型（修订）");
  g_assert_cmpint (hc_grading_model_get_base_score (edited), ==, 60);
  g_assert_cmpint (hc_grading_model_get_band (edited, 'A'), ==, 85);
  g_assert_cmpint (hc_grading_model_get_band (edited, 'C'), ==, 55);
  for (guint i = 0; i < g_list_model_get_n_items (hc_grading_model_get_factors (edited)); i++)
    {
      g_autoptr(HcGradeFactor) f = g_list_model_get_item (hc_grading_model_get_factors (edited), i);

      if (g_str_equal (hc_grade_factor_get_factor (f), "years_registered"))
        g_assert_cmpint (hc_grade_factor_get_weight (f), ==, 3);
      if (g_str_equal (hc_grade_factor_get_factor (f), "commitments_broken"))
        g_assert_cmpint (hc_grade_factor_get_weight (f), ==, -15);
    }

  WAIT (hc_client_preview_grading_model_async, hc_client_preview_grading_model_finish, preview, &error,
        client, hc_grading_model_get_id (edited));
  g_assert_no_error (error);
  g_assert_cmpint (hc_grading_pass_get_subjects (preview), ==, subjects);
  g_assert_cmpint (hc_grading_pass_get_count (preview, 'A') + hc_grading_pass_get_count (preview, 'B') +
                   hc_grading_pass_get_count (preview, 'C') + hc_grading_pass_get_count (preview, 'D'), ==, subjects);
  g_assert_cmpuint (g_list_model_get_n_items (hc_grading_pass_get_by_region (preview)), >, 0);
  {
    g_autoptr(HcGradeShare) first = g_list_model_get_item (hc_grading_pass_get_by_region (preview), 0);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM subjects WHERE region = '%s'",
                                            hc_grade_share_get_key (first));

    g_assert_cmpint (hc_grade_share_get_subjects (first), ==, hc_test_count_rows (server, sql));
    g_assert_cmpstr (hc_grade_share_get_label (first), ==, hc_region_lookup (hc_grade_share_get_key (first))->name);
  }

  WAIT (hc_client_publish_grading_model_async, hc_client_publish_grading_model_finish, published, &error,
        client, edited);
  g_assert_no_error (error);
  g_assert_cmpint (hc_grading_pass_get_changed (published), ==, hc_grading_pass_get_changed (preview));
  for (char g = 'A'; g <= 'D'; g++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM subjects WHERE grade = '%c'", g);

      g_assert_cmpint (hc_grading_pass_get_count (published, g), ==, hc_grading_pass_get_count (preview, g));
      g_assert_cmpint (hc_test_count_rows (server, sql), ==, hc_grading_pass_get_count (preview, g));
    }

  WAIT (hc_client_get_grading_model_async, hc_client_get_grading_model_finish, read, &error,
        client, hc_grading_model_get_id (edited));
  g_assert_no_error (error);
  g_assert_cmpstr (hc_grading_model_get_state (read), ==, "published");

  WAIT (hc_client_list_grading_models_async, hc_client_list_grading_models_finish, versions, &error, client);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
  newest = g_list_model_get_item (versions, 0);
  g_assert_cmpint (hc_grading_model_get_id (newest), ==, hc_grading_model_get_id (edited));
  g_assert_cmpint (hc_grading_model_get_band (newest, 'B'), ==, 70);
}

static void
test_subject_grade_and_override (void)
{
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(HcSubjectGrade) grade = NULL;
  g_autoptr(HcSubjectGrade) refused = NULL;
  g_autoptr(HcSubjectGrade) overridden = NULL;
  g_autoptr(GRand) prng = g_rand_new_with_seed (77);
  g_autofree char *uscc = hc_uscc_generate (prng, "469005");

  hc_test_create_subject (server, uscc, "文昌航天配套科技有限公司", "legal_person", "469005");
  WAIT (hc_client_get_subject_grade_async, hc_client_get_subject_grade_finish, grade, &error, client, uscc);
  g_assert_no_error (error);
  g_assert_true (hc_subject_grade_get_computed (grade));
  g_assert_cmpuint (g_list_model_get_n_items (hc_subject_grade_get_factors (grade)), ==, 14);
  g_assert_cmpstr (hc_subject_grade_get_grade (grade), ==, hc_subject_grade_get_computed_grade (grade));
  g_assert_false (hc_subject_grade_get_overridden (grade));

  WAIT (hc_client_override_grade_async, hc_client_override_grade_finish, refused, &error, client, uscc, "A", "");
  g_assert_null (refused);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
  g_assert_cmpstr (hc_client_error_get_code (error), ==, "missing_field");
  g_clear_error (&error);

  WAIT (hc_client_override_grade_async, hc_client_override_grade_finish, overridden, &error,
        client, uscc, "D", "核查发现重大失信线索，暂调为D级");
  g_assert_no_error (error);
  g_assert_true (hc_subject_grade_get_overridden (overridden));
  g_assert_cmpstr (hc_subject_grade_get_grade (overridden), ==, "D");
  g_assert_cmpstr (hc_subject_grade_get_override_reason (overridden), ==, "核查发现重大失信线索，暂调为D级");
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  {
    g_autoptr(GRand) prng = g_rand_new_with_seed (1);

    for (guint i = 0; i < 30; i++)
      {
        g_autofree char *uscc = hc_uscc_generate (prng, i % 2 ? "460100" : "460200");
        g_autofree char *name = g_strdup_printf ("海南客户端测试%u号有限公司", i);

        hc_test_create_subject (server, uscc, name, "legal_person", i % 2 ? "460100" : "460200");
      }
  }
  g_test_add_func ("/client/grading/models-draft-edit-preview-publish", test_models_draft_edit_preview_publish);
  g_test_add_func ("/client/grading/subject-grade-and-override", test_subject_grade_and_override);
  ret = g_test_run ();
  hc_test_server_free (server);
  return ret;
}
