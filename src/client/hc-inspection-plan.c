/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspectionPlan: an inspection plan of 双随机、一公开: scope, ratios per grade, inspectors, draws and completion. Kept as the server's object, with the texts a list
 * view shows added to it. */
#define G_LOG_DOMAIN "hc-inspection-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-inspection-plan.h"
#include "hc-client-private.h"
#include "hc-json-item-private.h"

#include <string.h>

struct _HcInspectionPlan
{
  GObject     parent_instance;

  JsonObject *obj;
};

G_DEFINE_FINAL_TYPE (HcInspectionPlan, hc_inspection_plan, G_TYPE_OBJECT)

static const HcJsonProp props[] = {
  { "id", "id", G_TYPE_INT64 },
  { "title", "title", G_TYPE_STRING },
  { "department-name", "department_name", G_TYPE_STRING },
  { "state", "state", G_TYPE_STRING },
  { "state-label", "state_label", G_TYPE_STRING },
  { "scope-text", "scope_text", G_TYPE_STRING },
  { "ratios-text", "ratios_text", G_TYPE_STRING },
  { "completion-text", "completion_text", G_TYPE_STRING },
  { "draw-id", "draw_id", G_TYPE_INT64 },
  { "inspectors-text", "inspectors_text", G_TYPE_STRING },
  { "draws-text", "draws_text", G_TYPE_STRING },
  { "created-by", "created_by", G_TYPE_STRING },
};

static void
hc_inspection_plan_finalize (GObject *object)
{
  HcInspectionPlan *self = HC_INSPECTION_PLAN (object);

  g_clear_pointer (&self->obj, json_object_unref);

  G_OBJECT_CLASS (hc_inspection_plan_parent_class)->finalize (object);
}

static void
hc_inspection_plan_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HcInspectionPlan *self = HC_INSPECTION_PLAN (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (props))
    _hc_json_props_get (self->obj, props, G_N_ELEMENTS (props), prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hc_inspection_plan_class_init (HcInspectionPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_inspection_plan_finalize;
  object_class->get_property = hc_inspection_plan_get_property;
  _hc_json_props_install (object_class, props, G_N_ELEMENTS (props));
}

static void
hc_inspection_plan_init (HcInspectionPlan *self)
{
}

static const char *
state_label (const char *state)
{
  if (g_strcmp0 (state, "planned") == 0)
    return _("Not drawn");
  if (g_strcmp0 (state, "drawn") == 0)
    return _("Drawn");
  if (g_strcmp0 (state, "completed") == 0)
    return _("Completed");
  return state;
}

static char *
scope_text (JsonObject *obj)
{
  const char *region = _hc_json_string_or_null (obj, "region");
  const char *industry = _hc_json_string_or_null (obj, "industry");
  const char *type_key = _hc_json_string_or_null (obj, "subject_type");
  const HcRegion *r = region ? hc_region_lookup (region) : NULL;
  HcSubjectType type;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  g_ptr_array_add (parts, (gpointer) (r ? r->name : _("All of Hainan")));
  g_ptr_array_add (parts, (gpointer) (industry ? industry : _("all industries")));
  g_ptr_array_add (parts, (gpointer) (type_key && hc_subject_type_from_key (type_key, &type) ?
                                      hc_subject_type_label (type) : _("all subject types")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* 2.5 → "2.5%" */
static char *
percent_text (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.2f", v);
  /* trailing zeros off: 2.50 → 2.5, 10.00 → 10 */
  for (char *end = buf + strlen (buf) - 1; end > buf && strchr (buf, '.') != NULL && (*end == '0' || *end == '.'); end--)
    {
      gboolean dot = *end == '.';

      *end = '\0';
      if (dot)
        break;
    }
  return g_strconcat (buf, "%", NULL);
}

/**
 * hc_inspection_plan_new_from_json:
 *
 * Returns: (transfer full) (nullable): the plan, %NULL when @obj is not one
 */
HcInspectionPlan *
hc_inspection_plan_new_from_json (JsonObject *obj)
{
  HcInspectionPlan *self;
  JsonObject *ratios, *completion;
  JsonArray *inspectors, *draws;
  g_autoptr(GString) ratios_text = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *scope = NULL;
  g_autofree char *completion_text = NULL;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!_hc_json_has_id (obj, "id") || !json_object_has_member (obj, "ratios") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (obj, "ratios")) ||
      !json_object_has_member (obj, "completion") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (obj, "completion")))
    return NULL;
  ratios = json_object_get_object_member (obj, "ratios");
  completion = json_object_get_object_member (obj, "completion");
  self = g_object_new (HC_TYPE_INSPECTION_PLAN, NULL);
  self->obj = json_object_ref (obj);
  json_object_set_string_member (obj, "state_label", state_label (_hc_json_string_or_null (obj, "state")));
  scope = scope_text (obj);
  json_object_set_string_member (obj, "scope_text", scope);
  for (char g = 'A'; g <= 'D'; g++)
    {
      const char member[] = { g, '\0' };
      JsonNode *node = json_object_get_member (ratios, member);
      g_autofree char *p = percent_text (node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_double (node) : 0.0);

      g_string_append_printf (ratios_text, "%s%c %s", g == 'A' ? "" : "  ", g, p);
    }
  json_object_set_string_member (obj, "ratios_text", ratios_text->str);
  /* Translators: inspections with a result of all drawn, "3 / 12" */
  completion_text = g_strdup_printf (_("%lld / %lld recorded"), (long long) _hc_json_int (completion, "recorded"),
                                     (long long) _hc_json_int (completion, "inspections"));
  json_object_set_string_member (obj, "completion_text", completion_text);
  inspectors = json_object_has_member (obj, "inspectors") ? json_object_get_array_member (obj, "inspectors") : NULL;
  for (guint i = 0; inspectors != NULL && i < json_array_get_length (inspectors); i++)
    {
      JsonObject *u = json_array_get_object_element (inspectors, i);
      const char *display = _hc_json_string_or_null (u, "display_name");

      g_string_append_printf (names, "%s%s", i ? "、" : "",
                              display && *display ? display : _hc_json_string (u, "username"));
    }
  json_object_set_string_member (obj, "inspectors_text", names->str);
  draws = json_object_has_member (obj, "draws") ? json_object_get_array_member (obj, "draws") : NULL;
  if (draws != NULL && json_array_get_length (draws) > 0)
    {
      JsonObject *last = json_array_get_object_element (draws, json_array_get_length (draws) - 1);
      /* Translators: the final draw, "第 2 次抽取：种子 3f9a…，1,234 户中抽取 56 户" */
      g_autofree char *text = g_strdup_printf (_("Draw %u of %s: seed %s, %lld drawn of %lld candidates"),
                                               json_array_get_length (draws),
                                               _hc_json_string (last, "drawn_on"), _hc_json_string (last, "seed"),
                                               (long long) _hc_json_int (last, "n_drawn"),
                                               (long long) _hc_json_int (last, "n_candidates"));

      json_object_set_string_member (obj, "draws_text", text);
    }
  return self;
}

gint64
hc_inspection_plan_get_id (HcInspectionPlan *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN (self), 0);
  return _hc_json_int (self->obj, "id");
}

const char *
hc_inspection_plan_get_title (HcInspectionPlan *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN (self), NULL);
  return _hc_json_string (self->obj, "title");
}

/* planned, drawn or completed */
const char *
hc_inspection_plan_get_state (HcInspectionPlan *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN (self), NULL);
  return _hc_json_string (self->obj, "state");
}

/* The final draw's id, 0 before the plan is drawn. */
gint64
hc_inspection_plan_get_draw_id (HcInspectionPlan *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN (self), 0);
  return _hc_json_int (self->obj, "draw_id");
}

/* A count of the completion: inspections, recorded or failed. */
gint64
hc_inspection_plan_get_count (HcInspectionPlan *self,
                              const char       *member)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN (self), 0);
  return _hc_json_int (json_object_get_object_member (self->obj, "completion"), member);
}

/* How many draws the plan has had (the final one and those it superseded). */
guint
hc_inspection_plan_get_n_draws (HcInspectionPlan *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN (self), 0);
  return json_object_has_member (self->obj, "draws") ?
         json_array_get_length (json_object_get_array_member (self->obj, "draws")) : 0;
}

/* The plan's inspectors ({id, username, display_name}), by user id; empty
 * for a plan read from the list of plans. */
JsonArray *
hc_inspection_plan_get_inspectors (HcInspectionPlan *self)
{
  JsonNode *node;

  g_return_val_if_fail (HC_IS_INSPECTION_PLAN (self), NULL);
  node = json_object_get_member (self->obj, "inspectors");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      json_object_set_array_member (self->obj, "inspectors", json_array_new ());
      node = json_object_get_member (self->obj, "inspectors");
    }
  return json_node_get_array (node);
}

/* The plan's declared conflicts ({inspector, subject, subject_name,
 * reason}); empty for a plan read from the list of plans. */
JsonArray *
hc_inspection_plan_get_conflicts (HcInspectionPlan *self)
{
  JsonNode *node;

  g_return_val_if_fail (HC_IS_INSPECTION_PLAN (self), NULL);
  node = json_object_get_member (self->obj, "conflicts");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      json_object_set_array_member (self->obj, "conflicts", json_array_new ());
      node = json_object_get_member (self->obj, "conflicts");
    }
  return json_node_get_array (node);
}
