/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCreditFile: a subject and the counts of its credit file's records. */
#define G_LOG_DOMAIN "hc-credit-file"

#include "config.h"

#include "hc-credit-file.h"

const char * const hc_credit_file_kinds[] = {
  "penalty", "license", "commitment", "list_entry", "repair", "match_hit", NULL,
};

#define N_KINDS 6

struct _HcCreditFile
{
  GObject    parent_instance;

  HcSubject *subject;
  gint64     counts[N_KINDS];
};

G_DEFINE_FINAL_TYPE (HcCreditFile, hc_credit_file, G_TYPE_OBJECT)

static void
hc_credit_file_dispose (GObject *object)
{
  HcCreditFile *self = HC_CREDIT_FILE (object);

  g_clear_object (&self->subject);

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
 *   subject or no counts
 */
HcCreditFile *
hc_credit_file_new_from_json (JsonObject *obj)
{
  g_autoptr(HcSubject) subject = NULL;
  JsonObject *counts;
  HcCreditFile *self;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!json_object_has_member (obj, "subject") || !json_object_has_member (obj, "counts") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (obj, "subject")) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (obj, "counts")) ||
      (subject = hc_subject_new_from_json (json_object_get_object_member (obj, "subject"))) == NULL)
    return NULL;
  counts = json_object_get_object_member (obj, "counts");
  self = g_object_new (HC_TYPE_CREDIT_FILE, NULL);
  self->subject = g_steal_pointer (&subject);
  G_STATIC_ASSERT (G_N_ELEMENTS (hc_credit_file_kinds) == N_KINDS + 1);
  for (guint i = 0; i < N_KINDS; i++)
    self->counts[i] = json_object_get_int_member_with_default (counts, hc_credit_file_kinds[i], 0);
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
