/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCreditFile: a subject, the counts of its credit file's records and the
 * first page of each section. */
#define G_LOG_DOMAIN "hc-credit-file"

#include "config.h"

#include "hc-credit-file.h"
#include "hc-client-private.h"
#include "hc-record.h"

const char * const hc_credit_file_kinds[] = {
  "penalty", "license", "commitment", "list_entry", "repair", "match_hit", "inspection", NULL,
};

#define N_KINDS 7

struct _HcCreditFile
{
  GObject    parent_instance;

  HcSubject *subject;
  gint64     counts[N_KINDS];
  HcPage    *pages[N_KINDS];
};

G_DEFINE_FINAL_TYPE (HcCreditFile, hc_credit_file, G_TYPE_OBJECT)

static void
hc_credit_file_dispose (GObject *object)
{
  HcCreditFile *self = HC_CREDIT_FILE (object);

  g_clear_object (&self->subject);
  for (guint i = 0; i < N_KINDS; i++)
    g_clear_object (&self->pages[i]);

  G_OBJECT_CLASS (hc_credit_file_parent_class)->dispose (object);
}

static void
hc_credit_file_class_init (HcCreditFileClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hc_credit_file_dispose;
}

static void
hc_credit_file_init (HcCreditFile *self)
{
}

/**
 * hc_credit_file_new_from_json:
 * @obj: what GET /subjects/{identifier}/file answers
 *
 * Returns: (transfer full) (nullable): the file, or %NULL when @obj has no
 *   subject, no counts or not every section's first page
 */
HcCreditFile *
hc_credit_file_new_from_json (JsonObject *obj)
{
  g_autoptr(HcSubject) subject = NULL;
  JsonObject *counts, *sections;
  HcCreditFile *self;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!json_object_has_member (obj, "subject") || !json_object_has_member (obj, "counts") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (obj, "subject")) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (obj, "counts")) ||
      (subject = hc_subject_new_from_json (json_object_get_object_member (obj, "subject"))) == NULL)
    return NULL;
  if (!json_object_has_member (obj, "sections") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (obj, "sections")))
    return NULL;
  counts = json_object_get_object_member (obj, "counts");
  sections = json_object_get_object_member (obj, "sections");
  self = g_object_new (HC_TYPE_CREDIT_FILE, NULL);
  self->subject = g_steal_pointer (&subject);
  G_STATIC_ASSERT (G_N_ELEMENTS (hc_credit_file_kinds) == N_KINDS + 1);
  for (guint i = 0; i < N_KINDS; i++)
    {
      JsonNode *section = json_object_get_member (sections, hc_credit_file_kinds[i]);

      self->counts[i] = json_object_get_int_member_with_default (counts, hc_credit_file_kinds[i], 0);
      if (section == NULL || !JSON_NODE_HOLDS_OBJECT (section) ||
          (self->pages[i] = _hc_page_new_from_json (json_node_get_object (section), HC_TYPE_RECORD,
                                                    (HcItemFromJson) hc_record_new_from_json)) == NULL)
        {
          g_object_unref (self);
          return NULL;
        }
    }
  return self;
}

HcSubject *
hc_credit_file_get_subject (HcCreditFile *self)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE (self), NULL);
  return self->subject;
}

/* Returns: how many records of @kind the file holds, -1 for an unknown kind */
gint64
hc_credit_file_get_count (HcCreditFile *self,
                          const char   *kind)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE (self), -1);

  for (guint i = 0; i < N_KINDS; i++)
    if (g_strcmp0 (kind, hc_credit_file_kinds[i]) == 0)
      return self->counts[i];
  return -1;
}

/**
 * hc_credit_file_get_page:
 *
 * Returns: (transfer none) (nullable): the first page of the section of
 *   @kind (HcRecord), as GET …/records?kind= answers it, with its total;
 *   %NULL for an unknown kind
 */
HcPage *
hc_credit_file_get_page (HcCreditFile *self,
                         const char   *kind)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE (self), NULL);

  for (guint i = 0; i < N_KINDS; i++)
    if (g_strcmp0 (kind, hc_credit_file_kinds[i]) == 0)
      return self->pages[i];
  return NULL;
}
