/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the JSON request decoder's guards. Any body the depth
 * scan lets through must parse (or fail) without crashing, and, when it
 * parses, be no deeper than the scan allowed: the scan may refuse too much,
 * never too little. A body of more than one value never reaches the
 * parser (json-glib 1.6 leaks it: LeakSanitizer catches a gap in that
 * scan). The \u0000 scan reads no byte outside the body and finds the
 * escape only where it is written. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "hcs-json-limits.h"

#include "fuzz-log.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint
depth_of (JsonNode *node)
{
  guint deepest = 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          guint d = depth_of (json_array_get_element (a, i));   /* not in MAX(): twice */

          deepest = MAX (deepest, d);
        }
      return deepest + 1;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) values = json_object_get_values (json_node_get_object (node));

      for (GList *l = values; l; l = l->next)
        {
          guint d = depth_of (l->data);

          deepest = MAX (deepest, d);
        }
      return deepest + 1;
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = NULL;
  const char *text = (const char *) data;

  /* What hcs_request_json() does, in its order. */
  if (size == 0 || !g_utf8_validate (text, (gssize) size, NULL))
    return 0;
  {
    g_autofree char *member = NULL;

    switch (hcs_json_scan (text, size, HCS_JSON_MAX_DEPTH, &member))
      {
      case HCS_JSON_NUL_ESCAPE:
        g_assert_nonnull (g_strstr_len (text, size, "\\u0000"));
        return 0;
      /* json-glib leaks what it built when a second value follows the
       * first, wraps whole numbers past 64 bits and reads 1e999 as
       * infinity */
      case HCS_JSON_TOO_DEEP:
      case HCS_JSON_SEVERAL_VALUES:
      case HCS_JSON_WIDE_NUMBER:
        return 0;
      case HCS_JSON_OK:
      default:
        g_assert_null (member);
        break;
      }
  }
  parser = json_parser_new_immutable ();
  if (json_parser_load_from_data (parser, text, (gssize) size, NULL) && json_parser_get_root (parser) != NULL)
    g_assert_cmpuint (depth_of (json_parser_get_root (parser)), <=, HCS_JSON_MAX_DEPTH);
  return 0;
}
