/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reader's language: Accept-Language picks Chinese or English, and the
 * Chinese of a text is read from the zh_CN message catalog (the .mo that
 * gettext uses, read once by this file), so that a thread writing an export
 * for one reader never changes the process's locale for another. */
#define G_LOG_DOMAIN "hcs-i18n"

#include "config.h"

#include <string.h>

#include "hcs-i18n.h"

#define MO_MAGIC 0x950412deU
#define CONTEXT_GLUE "\004"

typedef struct
{
  GMappedFile *file;
  GHashTable  *to_chinese;   /* msgid (with "context\004") → msgstr */
  GHashTable  *to_english;   /* msgstr → msgid, for texts without a context */
} Catalog;

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, data + offset, sizeof v);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* The zh_CN catalog where hcs-main.c binds the text domain; empty tables
 * when there is none (the texts then stay as the sources have them). */
static Catalog *
catalog_load (void)
{
  const char *dir = g_getenv ("HNCREDIT_LOCALEDIR");
  g_autofree char *path = g_build_filename (dir != NULL && *dir != '\0' ? dir : LOCALEDIR,
                                            "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GError) error = NULL;
  Catalog *catalog = g_new0 (Catalog, 1);
  const guint8 *data;
  gsize size;
  gboolean swap;
  guint32 n, originals, translations;

  catalog->to_chinese = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->to_english = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->file = g_mapped_file_new (path, FALSE, &error);
  if (catalog->file == NULL)
    {
      g_warning ("No Chinese catalog for exports at %s: %s", path, error->message);
      return catalog;
    }
  data = (const guint8 *) g_mapped_file_get_contents (catalog->file);
  size = g_mapped_file_get_length (catalog->file);
  if (size < 28)
    return catalog;
  swap = read_u32 (data, 0, FALSE) != MO_MAGIC;
  if (read_u32 (data, 0, swap) != MO_MAGIC)
    {
      g_warning ("%s is not a message catalog", path);
      return catalog;
    }
  n = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  translations = read_u32 (data, 16, swap);
  for (guint32 i = 0; i < n; i++)
    {
      gsize o = (gsize) originals + 8 * (gsize) i, t = (gsize) translations + 8 * (gsize) i;
      guint32 olen, ooff, tlen, toff;
      const char *msgid, *msgstr;

      if (o + 8 > size || t + 8 > size)
        break;
      olen = read_u32 (data, o, swap);
      ooff = read_u32 (data, o + 4, swap);
      tlen = read_u32 (data, t, swap);
      toff = read_u32 (data, t + 4, swap);
      if ((gsize) ooff + olen >= size || (gsize) toff + tlen >= size || olen == 0 || tlen == 0)
        continue;
      /* Each string ends with a NUL in the file; a plural's forms follow
       * its first, which is what is looked up. */
      msgid = (const char *) data + ooff;
      msgstr = (const char *) data + toff;
      g_hash_table_insert (catalog->to_chinese, (gpointer) msgid, (gpointer) msgstr);
      if (strchr (msgid, CONTEXT_GLUE[0]) == NULL && !g_hash_table_contains (catalog->to_english, msgstr))
        g_hash_table_insert (catalog->to_english, (gpointer) msgstr, (gpointer) msgid);
    }
  return catalog;
}

static Catalog *
catalog_get (void)
{
  static Catalog *catalog;

  if (g_once_init_enter (&catalog))
    g_once_init_leave (&catalog, catalog_load ());
  return catalog;
}

/**
 * hcs_i18n_language_of_header:
 * @accept_language: (nullable): an Accept-Language value ("en-GB, zh;q=0.8")
 *
 * Returns: the first of the reader's languages, by preference, that the
 *   server writes: zh* Chinese, en* (or C, the untranslated locale) English;
 *   Chinese when none is (the office's language)
 */
HcsLanguage
hcs_i18n_language_of_header (const char *accept_language)
{
  g_auto(GStrv) ranges = NULL;
  HcsLanguage best = HCS_LANGUAGE_CHINESE;
  double best_q = 0;

  if (accept_language == NULL)
    return HCS_LANGUAGE_CHINESE;
  ranges = g_strsplit (accept_language, ",", 16);
  for (guint i = 0; ranges[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (ranges[i], ";", 4);
      char *tag = g_strstrip (parts[0]);
      double q = 1;

      for (guint p = 1; parts[p] != NULL; p++)
        {
          char *param = g_strstrip (parts[p]);

          if (g_ascii_strncasecmp (param, "q=", 2) == 0)
            q = g_ascii_strtod (param + 2, NULL);
        }
      if (!(q > best_q))
        continue;
      if (g_ascii_strncasecmp (tag, "zh", 2) == 0 && (tag[2] == '\0' || tag[2] == '-' || tag[2] == '_'))
        best = HCS_LANGUAGE_CHINESE;
      else if ((g_ascii_strncasecmp (tag, "en", 2) == 0 && (tag[2] == '\0' || tag[2] == '-' || tag[2] == '_')) ||
               g_strcmp0 (tag, "C") == 0 || g_strcmp0 (tag, "POSIX") == 0)
        best = HCS_LANGUAGE_ENGLISH;
      else
        continue;
      best_q = q;
    }
  return best;
}

/* The language of @req's reader (its Accept-Language). */
HcsLanguage
hcs_i18n_request_language (HcsRequest *req)
{
  g_return_val_if_fail (req != NULL, HCS_LANGUAGE_CHINESE);

  return hcs_i18n_language_of_header (hcs_request_get_header (req, "Accept-Language"));
}

/**
 * hcs_i18n_text:
 * @context: (nullable): the msgid's context ("export"), or NULL
 * @text: an English msgid; without a context, also a text the server wrote
 *   in its own locale (a category's label)
 *
 * Returns: @text in @language: for Chinese its translation (as is when the
 *   catalog has none); for English the msgid (a Chinese label the server's
 *   locale gave is read back to its msgid). Owned by the catalog or @text.
 */
const char *
hcs_i18n_text (HcsLanguage  language,
               const char  *context,
               const char  *text)
{
  Catalog *catalog;
  const char *found;

  if (text == NULL || *text == '\0')
    return text;
  catalog = catalog_get ();
  if (language == HCS_LANGUAGE_ENGLISH)
    {
      found = g_hash_table_lookup (catalog->to_english, text);
      return found != NULL ? found : text;
    }
  if (context != NULL)
    {
      g_autofree char *key = g_strconcat (context, CONTEXT_GLUE, text, NULL);

      if ((found = g_hash_table_lookup (catalog->to_chinese, key)) != NULL)
        return found;
    }
  found = g_hash_table_lookup (catalog->to_chinese, text);
  return found != NULL ? found : text;
}
