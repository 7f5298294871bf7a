/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSubject: one market subject as an immutable item for list views. */
#define G_LOG_DOMAIN "hc-subject"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-enums.h"
#include "hc-subject.h"

struct _HcSubject
{
  GObject   parent_instance;

  gboolean  placeholder;
  char     *identifier;
  char     *name;
  char     *type;
  char     *region;
  char     *region_name;
  char     *industry;
  char     *grade;
  char     *status;
  char     *registered_on;
  gboolean  identifier_masked;
  gint64    version;
  gint64    id;
};

G_DEFINE_FINAL_TYPE (HcSubject, hc_subject, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLACEHOLDER,
  PROP_IDENTIFIER,
  PROP_NAME,
  PROP_SUBJECT_TYPE,
  PROP_TYPE_LABEL,
  PROP_REGION,
  PROP_REGION_NAME,
  PROP_INDUSTRY,
  PROP_GRADE,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_REGISTERED_ON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

const char *
hc_subject_status_label (const char *status)
{
  if (g_strcmp0 (status, "active") == 0)
    return C_("subject status", "Active");
  if (g_strcmp0 (status, "deregistered") == 0)
    return C_("subject status", "Deregistered");
  if (g_strcmp0 (status, "revoked") == 0)
    return C_("subject status", "Revoked");
  return status != NULL ? status : "";
}

static void
hc_subject_finalize (GObject *object)
{
  HcSubject *self = HC_SUBJECT (object);

  g_free (self->identifier);
  g_free (self->name);
  g_free (self->type);
  g_free (self->region);
  g_free (self->region_name);
  g_free (self->industry);
  g_free (self->grade);
  g_free (self->status);
  g_free (self->registered_on);

  G_OBJECT_CLASS (hc_subject_parent_class)->finalize (object);
}

static void
hc_subject_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HcSubject *self = HC_SUBJECT (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER: g_value_set_boolean (value, self->placeholder); break;
    case PROP_IDENTIFIER: g_value_set_string (value, self->identifier); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_SUBJECT_TYPE: g_value_set_string (value, self->type); break;
    case PROP_TYPE_LABEL: g_value_set_string (value, hc_subject_get_type_label (self)); break;
    case PROP_REGION: g_value_set_string (value, self->region); break;
    case PROP_REGION_NAME: g_value_set_string (value, self->region_name); break;
    case PROP_INDUSTRY: g_value_set_string (value, self->industry); break;
    case PROP_GRADE: g_value_set_string (value, self->grade); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_STATUS_LABEL: g_value_set_string (value, hc_subject_get_status_label (self)); break;
    case PROP_REGISTERED_ON: g_value_set_string (value, self->registered_on); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_subject_class_init (HcSubjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hc_subject_finalize;
  object_class->get_property = hc_subject_get_property;

  properties [PROP_PLACEHOLDER] = g_param_spec_boolean ("placeholder", NULL, NULL, FALSE, flags);
  properties [PROP_IDENTIFIER] = g_param_spec_string ("identifier", NULL, NULL, NULL, flags);
  properties [PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_SUBJECT_TYPE] = g_param_spec_string ("subject-type", NULL, NULL, NULL, flags);
  properties [PROP_TYPE_LABEL] = g_param_spec_string ("type-label", NULL, NULL, NULL, flags);
  properties [PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties [PROP_REGION_NAME] = g_param_spec_string ("region-name", NULL, NULL, NULL, flags);
  properties [PROP_INDUSTRY] = g_param_spec_string ("industry", NULL, NULL, NULL, flags);
  properties [PROP_GRADE] = g_param_spec_string ("grade", NULL, NULL, NULL, flags);
  properties [PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties [PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties [PROP_REGISTERED_ON] = g_param_spec_string ("registered-on", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_subject_init (HcSubject *self)
{
}

HcSubject *
hc_subject_new (const HcSubjectFields *f)
{
  HcSubject *self;

  g_return_val_if_fail (f != NULL, NULL);

  self = g_object_new (HC_TYPE_SUBJECT, NULL);
  self->identifier = g_strdup (f->identifier ? f->identifier : "");
  self->name = g_strdup (f->name ? f->name : "");
  self->type = g_strdup (f->type ? f->type : "");
  self->region = g_strdup (f->region ? f->region : "");
  self->region_name = g_strdup (f->region_name ? f->region_name : "");
  self->industry = g_strdup (f->industry ? f->industry : "");
  self->grade = g_strdup (f->grade ? f->grade : "");
  self->status = g_strdup (f->status ? f->status : "");
  self->registered_on = g_strdup (f->registered_on ? f->registered_on : "");
  self->identifier_masked = f->identifier_masked;
  self->version = f->version;
  self->id = f->id;
  return self;
}

/* A row whose page has not arrived: empty text, so a list draws it blank. */
HcSubject *
hc_subject_new_placeholder (void)
{
  HcSubjectFields none = { 0, };
  HcSubject *self = hc_subject_new (&none);

  self->placeholder = TRUE;
  return self;
}

#define GETTER(field, name) \
  const char * \
  hc_subject_get_##name (HcSubject *self) \
  { \
    g_return_val_if_fail (HC_IS_SUBJECT (self), NULL); \
    return self->field; \
  }

GETTER (identifier, identifier)
GETTER (name, name)
GETTER (type, subject_type)
GETTER (region, region)
GETTER (region_name, region_name)
GETTER (industry, industry)
GETTER (grade, grade)
GETTER (status, status)
GETTER (registered_on, registered_on)

gboolean
hc_subject_get_placeholder (HcSubject *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT (self), FALSE);
  return self->placeholder;
}

const char *
hc_subject_get_type_label (HcSubject *self)
{
  HcSubjectType type;

  g_return_val_if_fail (HC_IS_SUBJECT (self), NULL);
  if (hc_subject_type_from_key (self->type, &type))
    return hc_subject_type_label (type);
  return self->type;
}

const char *
hc_subject_get_status_label (HcSubject *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT (self), NULL);
  return hc_subject_status_label (self->status);
}

gboolean
hc_subject_get_identifier_masked (HcSubject *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT (self), FALSE);
  return self->identifier_masked;
}

gint64
hc_subject_get_version (HcSubject *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT (self), 0);
  return self->version;
}

/**
 * hc_subject_new_from_json:
 * @obj: a subject as the server answers it (GET /subjects, /subjects/{id})
 *
 * Returns: (transfer full) (nullable): the subject, or %NULL when @obj has
 * no identifier or name
 */
HcSubject *
hc_subject_new_from_json (JsonObject *obj)
{
  HcSubjectFields f = { 0, };

  g_return_val_if_fail (obj != NULL, NULL);

  if (!json_object_has_member (obj, "identifier") || !json_object_has_member (obj, "name"))
    return NULL;
#define STR(m) json_object_get_string_member_with_default (obj, m, NULL)
  f.identifier = STR ("identifier");
  f.name = STR ("name");
  f.type = STR ("type");
  f.region = STR ("region");
  f.region_name = STR ("region_name");
  f.industry = STR ("industry");
  f.grade = STR ("grade");
  f.status = STR ("status");
  f.registered_on = STR ("registered_on");
#undef STR
  f.identifier_masked = json_object_get_boolean_member_with_default (obj, "identifier_masked", FALSE);
  f.version = json_object_get_int_member_with_default (obj, "version", 0);
  f.id = json_object_get_int_member_with_default (obj, "id", 0);
  return hc_subject_new (&f);
}

/* Returns: the server's row id of the subject, 0 when not known */
gint64
hc_subject_get_id (HcSubject *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT (self), 0);
  return self->id;
}

/**
 * hc_subject_dup_lookup:
 *
 * What to name the subject by in a call about it (/subjects/{identifier}/…):
 * its identifier, or, when the reader sees its ID number masked, its row's
 * reference ("id:42"), which finds it without the number.
 *
 * Returns: (transfer full): the identifier or reference
 */
char *
hc_subject_dup_lookup (HcSubject *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT (self), NULL);

  if (self->identifier_masked && self->id > 0)
    return g_strdup_printf ("id:%" G_GINT64_FORMAT, self->id);
  return g_strdup (self->identifier);
}
