/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcImportRecord: one past import (GET /imports): when, which file, who, and its counts. */
#define G_LOG_DOMAIN "hc-import-record"

#include "config.h"

#include "hc-client-private.h"
#include "hc-import-record.h"

struct _HcImportRecord
{
  GObject  parent_instance;

  gint64   id;
  char    *kind;
  gint64   item_id;
  char    *item_name;
  char    *actor;
  char    *at;
  char    *file_name;
  char    *encoding;
  gint64   rows_read;
  gint64   accepted;
  gint64   rejected;
  gint64   duration_ms;
  /* from the JSON only (GET /imports/quality/months adds 重码) */
  gint64   uscc_errors;
  gint64   uscc_duplicates;
  gint64   other_errors;
};

G_DEFINE_FINAL_TYPE (HcImportRecord, hc_import_record, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_KIND, PROP_ITEM_ID, PROP_ITEM_NAME, PROP_ACTOR, PROP_AT, PROP_FILE_NAME, PROP_ENCODING, PROP_ROWS_READ, PROP_ACCEPTED, PROP_REJECTED, PROP_DURATION_MS, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
hc_import_record_finalize (GObject *object)
{
  HcImportRecord *self = HC_IMPORT_RECORD (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->item_name, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->encoding, g_free);

  G_OBJECT_CLASS (hc_import_record_parent_class)->finalize (object);
}

static void
hc_import_record_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HcImportRecord *self = HC_IMPORT_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, hc_import_record_get_id (self));
      break;
    case PROP_KIND:
      g_value_set_string (value, hc_import_record_get_kind (self));
      break;
    case PROP_ITEM_ID:
      g_value_set_int64 (value, hc_import_record_get_item_id (self));
      break;
    case PROP_ITEM_NAME:
      g_value_set_string (value, hc_import_record_get_item_name (self));
      break;
    case PROP_ACTOR:
      g_value_set_string (value, hc_import_record_get_actor (self));
      break;
    case PROP_AT:
      g_value_set_string (value, hc_import_record_get_at (self));
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, hc_import_record_get_file_name (self));
      break;
    case PROP_ENCODING:
      g_value_set_string (value, hc_import_record_get_encoding (self));
      break;
    case PROP_ROWS_READ:
      g_value_set_int64 (value, hc_import_record_get_rows_read (self));
      break;
    case PROP_ACCEPTED:
      g_value_set_int64 (value, hc_import_record_get_accepted (self));
      break;
    case PROP_REJECTED:
      g_value_set_int64 (value, hc_import_record_get_rejected (self));
      break;
    case PROP_DURATION_MS:
      g_value_set_int64 (value, hc_import_record_get_duration_ms (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_import_record_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HcImportRecord *self = HC_IMPORT_RECORD (object);

  /* Construct-only: the item never changes once made. */
  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;
    case PROP_ITEM_ID:
      self->item_id = g_value_get_int64 (value);
      break;
    case PROP_ITEM_NAME:
      self->item_name = g_value_dup_string (value);
      break;
    case PROP_ACTOR:
      self->actor = g_value_dup_string (value);
      break;
    case PROP_AT:
      self->at = g_value_dup_string (value);
      break;
    case PROP_FILE_NAME:
      self->file_name = g_value_dup_string (value);
      break;
    case PROP_ENCODING:
      self->encoding = g_value_dup_string (value);
      break;
    case PROP_ROWS_READ:
      self->rows_read = g_value_get_int64 (value);
      break;
    case PROP_ACCEPTED:
      self->accepted = g_value_get_int64 (value);
      break;
    case PROP_REJECTED:
      self->rejected = g_value_get_int64 (value);
      break;
    case PROP_DURATION_MS:
      self->duration_ms = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_import_record_class_init (HcImportRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_import_record_finalize;
  object_class->get_property = hc_import_record_get_property;
  object_class->set_property = hc_import_record_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ITEM_NAME] =
    g_param_spec_string ("item-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_AT] =
    g_param_spec_string ("at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ROWS_READ] =
    g_param_spec_int64 ("rows-read", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ACCEPTED] =
    g_param_spec_int64 ("accepted", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_REJECTED] =
    g_param_spec_int64 ("rejected", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_DURATION_MS] =
    g_param_spec_int64 ("duration-ms", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_import_record_init (HcImportRecord *self)
{
}

HcImportRecord *
hc_import_record_new (gint64      id,
                      const char *kind,
                      gint64      item_id,
                      const char *item_name,
                      const char *actor,
                      const char *at,
                      const char *file_name,
                      const char *encoding,
                      gint64      rows_read,
                      gint64      accepted,
                      gint64      rejected,
                      gint64      duration_ms)
{
  return g_object_new (HC_TYPE_IMPORT_RECORD,
                       "id", id,
                       "kind", kind,
                       "item-id", item_id,
                       "item-name", item_name,
                       "actor", actor,
                       "at", at,
                       "file-name", file_name,
                       "encoding", encoding,
                       "rows-read", rows_read,
                       "accepted", accepted,
                       "rejected", rejected,
                       "duration-ms", duration_ms,
                       NULL);
}

gint64
hc_import_record_get_id (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), 0);
  return self->id;
}

const char *
hc_import_record_get_kind (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), NULL);
  return self->kind;
}

gint64
hc_import_record_get_item_id (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), 0);
  return self->item_id;
}

const char *
hc_import_record_get_item_name (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), NULL);
  return self->item_name;
}

const char *
hc_import_record_get_actor (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), NULL);
  return self->actor;
}

const char *
hc_import_record_get_at (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), NULL);
  return self->at;
}

const char *
hc_import_record_get_file_name (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), NULL);
  return self->file_name;
}

const char *
hc_import_record_get_encoding (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), NULL);
  return self->encoding;
}

gint64
hc_import_record_get_rows_read (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), 0);
  return self->rows_read;
}

gint64
hc_import_record_get_accepted (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), 0);
  return self->accepted;
}

gint64
hc_import_record_get_rejected (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), 0);
  return self->rejected;
}

gint64
hc_import_record_get_duration_ms (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), 0);
  return self->duration_ms;
}

/**
 * hc_import_record_new_from_json:
 * @obj: an import as GET /imports answers it
 *
 * Returns: (transfer full): the record (a missing member reads as 0 or "")
 */
HcImportRecord *
hc_import_record_new_from_json (JsonObject *obj)
{
  HcImportRecord *self;

  g_return_val_if_fail (obj != NULL, NULL);

  self = hc_import_record_new (json_object_get_int_member_with_default (obj, "id", 0),
                               _hc_json_string (obj, "kind"),
                               json_object_get_int_member_with_default (obj, "item_id", 0),
                               _hc_json_string (obj, "item_name"),
                               _hc_json_string (obj, "actor"),
                               _hc_json_string (obj, "at"),
                               _hc_json_string (obj, "file_name"),
                               _hc_json_string (obj, "encoding"),
                               json_object_get_int_member_with_default (obj, "rows_read", 0),
                               json_object_get_int_member_with_default (obj, "accepted", 0),
                               json_object_get_int_member_with_default (obj, "rejected", 0),
                               json_object_get_int_member_with_default (obj, "duration_ms", 0));
  self->uscc_errors = json_object_get_int_member_with_default (obj, "uscc_errors", 0);
  self->uscc_duplicates = json_object_get_int_member_with_default (obj, "uscc_duplicates", 0);
  self->other_errors = json_object_get_int_member_with_default (obj, "other_errors", 0);
  return self;
}

/* Rows rejected for a malformed 统一社会信用代码 (错码). */
gint64
hc_import_record_get_uscc_errors (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), 0);
  return self->uscc_errors;
}

/* Records whose code names two different subjects (重码), when the answer says. */
gint64
hc_import_record_get_uscc_duplicates (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), 0);
  return self->uscc_duplicates;
}

/* Rows rejected for anything else. */
gint64
hc_import_record_get_other_errors (HcImportRecord *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_RECORD (self), 0);
  return self->other_errors;
}
