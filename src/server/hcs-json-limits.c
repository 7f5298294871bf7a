/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The nesting-depth scan of a JSON request body. json-glib parses arrays and
 * objects recursively, so a body of 100,000 '[' overflows the stack inside
 * it; this scan runs first, in constant stack, over the raw bytes. */
#define G_LOG_DOMAIN "hcs-json-limits"

#include "config.h"

#include "hcs-json-limits.h"

/**
 * hcs_json_depth_within:
 * @data: the body (any bytes; it need not be valid JSON)
 * @max_depth: the deepest nesting allowed (1: a flat object or array)
 *
 * Counts the open arrays and objects outside strings. The count can only be
 * too high, never too low, for a text the parser accepts: a bracket the
 * parser reads as structure is never inside a string here, because a string
 * starts at an unescaped '"' and ends at the next one for both.
 *
 * Returns: whether the nesting stays within @max_depth
 */
gboolean
hcs_json_depth_within (const char *data,
                       gsize       len,
                       guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            return FALSE;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }
  return TRUE;
}
