/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: 归集 of a CSV (or XLSX) file end to end, hcs_import_run
 * on an in-memory database with one catalog item of each kind: encoding
 * detection, the CSV reader, the header map, every row check, the store. */
#include "config.h"

#include <stdint.h>

#include "hcs-import.h"
#include "hcs-store-catalog.h"
#include "hcs-store-users.h"

#include "fuzz-log.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static HcsStore *store;
static gint64 items[4];
static const char *kinds[] = { "penalty", "license", "commitment", "registration" };

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  gint64 dept;

  /* A file (the migrations need one), removed at once: it lives while open. */
  g_autofree char *dir = g_dir_make_tmp ("hncredit-fuzz-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "fuzz.db", NULL);

  store = hcs_store_open (db, &error);
  g_assert_no_error (error);
  hcs_store_migrate (store, &error);
  g_assert_no_error (error);
  dept = hcs_store_departments_insert (store, "FUZZ", "模糊测试厅", "provincial", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (hcs_store_catalog_version_insert (store, 2025, 0, "2025-01-01T00:00:00Z", &error));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      HcsCatalogItemFields f = HCS_CATALOG_ITEM_FIELDS_UNSET;

      f.category = kinds[i];
      f.name = kinds[i];
      f.subject_type = "legal_person";
      f.department_id = dept;
      f.disclosure = "public";
      f.update_frequency = "daily";
      f.legal_basis = "fuzz";
      f.publicity_period = "";
      f.expected_records = 1;
      f.collected_records = 0;
      items[i] = hcs_store_catalog_item_insert (store, 2025, NULL, &f, &error);
      g_assert_no_error (error);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  HcsActor actor = { 1, (char *) "fuzz", HC_ROLE_ADMIN };
  HcsImportOptions options = { 0, };
  g_auto(HcsImportFailure) failure = { 0, };
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GError) error = NULL;
  guint which = size > 0 ? data[0] % G_N_ELEMENTS (kinds) : 0;

  if (store == NULL)
    setup ();
  /* The first byte picks the kind; the rest is the file. */
  options.kind = kinds[which];
  options.item_id = items[which];
  options.file_name = "fuzz.csv";
  options.force = TRUE;
  options.actor = &actor;
  answer = hcs_import_run (store, &options, size > 0 ? (const char *) data + 1 : "", size > 0 ? size - 1 : 0,
                           &failure, &error);
  g_assert_true ((answer == NULL) == (error != NULL));
  return 0;
}
