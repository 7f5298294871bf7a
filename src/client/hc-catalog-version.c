/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogVersion: an immutable catalog version, made from the server's
 * answer, with the texts the version picker shows. */
#define G_LOG_DOMAIN "hc-catalog-version"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-catalog-version.h"
#include "hc-client-private.h"

struct _HcCatalogVersion
{
  GObject   parent_instance;

  int       year;
  int       copied_from;
  gboolean  published;
  gint64    item_count;
  double    collection_rate;   /* -1 when no item expects records */
  gint64    version;
  char     *published_by;
  char     *published_at;
  char     *title;
  char     *subtitle;
  char     *etag;
};

G_DEFINE_FINAL_TYPE (HcCatalogVersion, hc_catalog_version, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_YEAR,
  PROP_PUBLISHED,
  PROP_STATE_LABEL,
  PROP_PUBLISHED_BY,
  PROP_PUBLISHED_AT,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ITEM_COUNT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
hc_catalog_version_finalize (GObject *object)
{
  HcCatalogVersion *self = HC_CATALOG_VERSION (object);

  g_free (self->published_by);
  g_free (self->published_at);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->etag);

  G_OBJECT_CLASS (hc_catalog_version_parent_class)->finalize (object);
}

static void
hc_catalog_version_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HcCatalogVersion *self = HC_CATALOG_VERSION (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, hc_catalog_version_get_year (self));
      break;
    case PROP_PUBLISHED:
      g_value_set_boolean (value, hc_catalog_version_get_published (self));
      break;
    case PROP_STATE_LABEL:
      g_value_set_string (value, hc_catalog_version_get_state_label (self));
      break;
    case PROP_PUBLISHED_BY:
      g_value_set_string (value, hc_catalog_version_get_published_by (self));
      break;
    case PROP_PUBLISHED_AT:
      g_value_set_string (value, hc_catalog_version_get_published_at (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, hc_catalog_version_get_title (self));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, hc_catalog_version_get_subtitle (self));
      break;
    case PROP_ITEM_COUNT:
      g_value_set_int64 (value, hc_catalog_version_get_item_count (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_catalog_version_class_init (HcCatalogVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hc_catalog_version_finalize;
  object_class->get_property = hc_catalog_version_get_property;

  properties [PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties [PROP_PUBLISHED] = g_param_spec_boolean ("published", NULL, NULL, FALSE, flags);
  properties [PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, flags);
  properties [PROP_PUBLISHED_BY] = g_param_spec_string ("published-by", NULL, NULL, NULL, flags);
  properties [PROP_PUBLISHED_AT] = g_param_spec_string ("published-at", NULL, NULL, NULL, flags);
  /* "2025 年度目录" */
  properties [PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  /* who published it and when, or what a draft was copied from */
  properties [PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties [PROP_ITEM_COUNT] = g_param_spec_int64 ("item-count", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_catalog_version_init (HcCatalogVersion *self)
{
  self->collection_rate = -1;
}

/* "2025-03-12T02:00:00Z" as "2025-03-12 10:00" in local time; the text as
 * it is when it is no date. */
static char *
local_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso && *iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (iso ? iso : "");
}

/**
 * hc_catalog_version_new_from_json:
 *
 * Returns: (transfer full) (nullable): the version, %NULL without a year
 */
HcCatalogVersion *
hc_catalog_version_new_from_json (JsonObject *obj,
                                  const char *etag)
{
  HcCatalogVersion *self;
  JsonNode *node;

  g_return_val_if_fail (obj != NULL, NULL);

  if (json_object_get_int_member_with_default (obj, "year", 0) <= 0)
    return NULL;
  self = g_object_new (HC_TYPE_CATALOG_VERSION, NULL);
  self->year = (int) json_object_get_int_member (obj, "year");
  node = json_object_get_member (obj, "copied_from");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    self->copied_from = (int) json_node_get_int (node);
  self->published = g_strcmp0 (_hc_json_string (obj, "state"), "published") == 0;
  self->item_count = json_object_get_int_member_with_default (obj, "item_count", 0);
  node = json_object_get_member (obj, "collection_rate");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    self->collection_rate = json_node_get_double (node);
  self->version = json_object_get_int_member_with_default (obj, "version", 0);
  self->published_by = g_strdup (_hc_json_string (obj, "published_by"));
  self->published_at = local_time (_hc_json_string (obj, "published_at"));
  self->etag = g_strdup (etag);

  /* Translators: a catalog version in the version picker, "2025 年度" */
  self->title = g_strdup_printf (_("%d catalog"), self->year);
  if (self->published)
    /* Translators: who published a catalog version and when, "supervisor 于 2025-03-12 10:00 发布" */
    self->subtitle = g_strdup_printf (_("Published by %s on %s"), self->published_by, self->published_at);
  else if (self->copied_from > 0)
    /* Translators: a draft catalog version and the year it was copied from */
    self->subtitle = g_strdup_printf (_("Copied from the %d catalog"), self->copied_from);
  else
    self->subtitle = g_strdup (_("A new catalog"));
  return self;
}

#define GETTER(type, member, fallback)                            \
type                                                              \
hc_catalog_version_get_##member (HcCatalogVersion *self)          \
{                                                                 \
  g_return_val_if_fail (HC_IS_CATALOG_VERSION (self), fallback);  \
  return self->member;                                            \
}

GETTER (int, year, 0)
GETTER (gboolean, published, FALSE)
GETTER (const char *, published_by, NULL)
GETTER (const char *, published_at, NULL)
GETTER (const char *, title, NULL)
GETTER (const char *, subtitle, NULL)
GETTER (int, copied_from, 0)
GETTER (gint64, item_count, 0)
GETTER (double, collection_rate, -1)
GETTER (gint64, version, 0)
GETTER (const char *, etag, NULL)

/* Returns: 已发布 or 草稿, for the version's badge */
const char *
hc_catalog_version_get_state_label (HcCatalogVersion *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_VERSION (self), NULL);
  return self->published ? C_("catalog version", "Published") : C_("catalog version", "Draft");
}
