/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's SQLite statements in PostgreSQL's dialect (issue 15): each
 * statement text is translated once per connection, when first prepared,
 * and cached with it (hcs-store-stmt.c). What the translation does, and
 * what it leaves to an explicit PostgreSQL text beside the SQLite one, is
 * in src/server/DESIGN.md ("Backends"). */
#define G_LOG_DOMAIN "hcs-store-pg"

#include "config.h"

#include <string.h>

#include "hcs-store-pg-sql.h"

typedef struct
{
  GString    *out;
  const char *src;           /* the SQLite text */
  int         max_index;     /* the highest $N so far */
  guint64     seen;          /* $1 … $64 met so far */
  gboolean    null_first;    /* one was first met in "IS [NOT] NULL" */
  GHashTable *names;         /* ":name" → GINT_TO_POINTER (index) */
} Translation;

static void translate_range (Translation *t, const char *p, const char *end);

static gboolean
is_ident_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_ident_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Past a '…' literal (doubled quotes inside) that starts at @p. */
static const char *
skip_literal (const char *p,
              const char *end,
              char        quote)
{
  p++;
  while (p < end)
    {
      if (*p == quote)
        {
          if (p + 1 < end && p[1] == quote)
            p += 2;
          else
            return p + 1;
        }
      else
        p++;
    }
  return end;
}

/* The arguments of a call whose '(' is at @open: each as [start, end)
 * pairs in @args; returns past the ')' (or NULL when unbalanced). */
static const char *
split_args (const char *open,
            const char *end,
            GArray     *args)
{
  const char *p = open + 1, *start = p;
  int depth = 0;

  while (p < end)
    {
      if (*p == '\'' || *p == '"')
        {
          p = skip_literal (p, end, *p);
          continue;
        }
      if (*p == '(')
        depth++;
      else if (*p == ')')
        {
          if (depth == 0)
            {
              const char *range[2] = { start, p };

              if (args->len > 0 || p > start)
                g_array_append_vals (args, range, 2);
              return p + 1;
            }
          depth--;
        }
      else if (*p == ',' && depth == 0)
        {
          const char *range[2] = { start, p };

          g_array_append_vals (args, range, 2);
          start = p + 1;
        }
      p++;
    }
  return NULL;
}

#define ARG_START(args, i) (g_array_index ((args), const char *, 2 * (i)))
#define ARG_END(args, i)   (g_array_index ((args), const char *, 2 * (i) + 1))
#define N_ARGS(args)       ((args)->len / 2)

static void
emit_arg (Translation *t,
          GArray      *args,
          guint        i)
{
  translate_range (t, ARG_START (args, i), ARG_END (args, i));
}

/* "(arg)::type" */
static void
emit_cast_arg (Translation *t,
               GArray      *args,
               guint        i,
               const char  *type)
{
  g_string_append_c (t->out, '(');
  emit_arg (t, args, i);
  g_string_append_printf (t->out, ")::%s", type);
}

static void
emit_args (Translation *t,
           GArray      *args,
           guint        from)
{
  for (guint i = from; i < N_ARGS (args); i++)
    {
      if (i > from)
        g_string_append_c (t->out, ',');
      emit_arg (t, args, i);
    }
}

/* ARRAY[(a)::text, …]::text[] of the arguments from @from on. */
static void
emit_text_array (Translation *t,
                 GArray      *args,
                 guint        from)
{
  g_string_append (t->out, "ARRAY[");
  for (guint i = from; i < N_ARGS (args); i++)
    {
      if (i > from)
        g_string_append_c (t->out, ',');
      emit_cast_arg (t, args, i, "text");
    }
  g_string_append (t->out, "]::text[]");
}

/* printf ('…%d…%04d…%s…', a, b, c) as a concatenation; FALSE when the
 * format is not a literal. */
static gboolean
emit_printf (Translation *t,
             GArray      *args)
{
  const char *f = ARG_START (args, 0), *fend = ARG_END (args, 0);
  guint next = 1, parts = 0;
  g_autoptr(GString) lit = g_string_new (NULL);

  while (f < fend && g_ascii_isspace (*f))
    f++;
  while (fend > f && g_ascii_isspace (fend[-1]))
    fend--;
  if (fend - f < 2 || *f != '\'' || fend[-1] != '\'')
    return FALSE;
  f++;
  fend--;
  g_string_append_c (t->out, '(');
  while (f < fend)
    {
      int width = 0;
      gboolean zero = FALSE;

      if (*f != '%')
        {
          g_string_append_c (lit, *f++);
          continue;
        }
      if (f + 1 < fend && f[1] == '%')
        {
          g_string_append_c (lit, '%');
          f += 2;
          continue;
        }
      if (lit->len > 0)
        {
          g_string_append_printf (t->out, "%s'%s'", parts++ ? " || " : "", lit->str);
          g_string_truncate (lit, 0);
        }
      f++;
      if (f < fend && *f == '0')
        zero = TRUE;
      while (f < fend && g_ascii_isdigit (*f))
        width = width * 10 + (*f++ - '0');
      if (f < fend)
        f++;   /* d or s: both become text */
      if (next >= N_ARGS (args))
        continue;
      g_string_append (t->out, parts++ ? " || " : "");
      if (width > 0)
        {
          g_string_append (t->out, "lpad (");
          emit_cast_arg (t, args, next++, "text");
          g_string_append_printf (t->out, ", %d, '%s')", width, zero ? "0" : " ");
        }
      else
        emit_cast_arg (t, args, next++, "text");
    }
  if (lit->len > 0 || parts == 0)
    g_string_append_printf (t->out, "%s'%s'", parts++ ? " || " : "", lit->str);
  g_string_append_c (t->out, ')');
  return TRUE;
}

/* CAST (x AS TYPE) with SQLite's type names in PostgreSQL's. */
static void
emit_cast (Translation *t,
           GArray      *args)
{
  const char *s = ARG_START (args, 0), *e = ARG_END (args, 0), *as = NULL;
  g_autofree char *type = NULL;
  g_autofree char *raw = NULL;

  for (const char *p = s; p + 4 <= e; p++)
    {
      if (*p == '\'')
        {
          p = skip_literal (p, e, '\'') - 1;
          continue;
        }
      if (g_ascii_isspace (p[0]) && g_ascii_strncasecmp (p + 1, "AS", 2) == 0 && g_ascii_isspace (p[3]))
        as = p;
    }
  if (as == NULL)
    {
      g_string_append (t->out, "CAST (");
      translate_range (t, s, e);
      g_string_append_c (t->out, ')');
      return;
    }
  raw = g_strndup (as + 4, e - as - 4);
  type = g_ascii_strdown (g_strstrip (raw), -1);
  g_string_append (t->out, "CAST (");
  translate_range (t, s, as);
  if (g_str_equal (type, "integer") || g_str_equal (type, "int"))
    g_string_append (t->out, " AS bigint)");
  else if (g_str_equal (type, "real") || g_str_equal (type, "float") || g_str_equal (type, "double"))
    g_string_append (t->out, " AS double precision)");
  else
    g_string_append_printf (t->out, " AS %s)", type);
}

/* A call of @name whose argument list starts at @open; returns past it,
 * or NULL when the call is left as it is. */
static const char *
translate_call (Translation *t,
                const char  *name,
                const char  *open,
                const char  *end)
{
  g_autoptr(GArray) args = g_array_new (FALSE, FALSE, sizeof (const char *));
  const char *after = split_args (open, end, args);
  guint n;

  if (after == NULL)
    return NULL;
  n = N_ARGS (args);

  if (g_str_equal (name, "ifnull"))
    {
      g_string_append (t->out, "coalesce (");
      emit_args (t, args, 0);
    }
  else if (g_str_equal (name, "instr") && n == 2)
    {
      g_string_append (t->out, "strpos (");
      emit_cast_arg (t, args, 0, "text");
      g_string_append (t->out, ", ");
      emit_cast_arg (t, args, 1, "text");
    }
  else if (g_str_equal (name, "char"))
    {
      g_string_append (t->out, "chr (");
      emit_args (t, args, 0);
    }
  else if (g_str_equal (name, "printf") && n >= 1)
    {
      if (!emit_printf (t, args))
        return NULL;
      return after;
    }
  else if ((g_str_equal (name, "date") || g_str_equal (name, "datetime") || g_str_equal (name, "julianday"))
           && n >= 1)
    {
      g_string_append_printf (t->out, "pg_temp.sq_%s (", name);
      emit_cast_arg (t, args, 0, "text");
      g_string_append (t->out, ", ");
      emit_text_array (t, args, 1);
    }
  else if (g_str_equal (name, "strftime") && n >= 2)
    {
      g_string_append (t->out, "pg_temp.sq_strftime (");
      emit_cast_arg (t, args, 0, "text");
      g_string_append (t->out, ", ");
      emit_cast_arg (t, args, 1, "text");
      g_string_append (t->out, ", ");
      emit_text_array (t, args, 2);
    }
  else if (g_str_equal (name, "json_group_array") && n == 1)
    {
      g_string_append (t->out, "coalesce (json_agg (");
      emit_arg (t, args, 0);
      g_string_append (t->out, "), '[]'::json)");
      return after;
    }
  else if (g_str_equal (name, "json_object"))
    {
      g_string_append (t->out, "json_build_object (");
      emit_args (t, args, 0);
    }
  else if (g_str_equal (name, "group_concat") && n >= 1)
    {
      g_string_append (t->out, "string_agg (");
      emit_cast_arg (t, args, 0, "text");
      g_string_append (t->out, ", ");
      if (n >= 2)
        emit_arg (t, args, 1);
      else
        g_string_append (t->out, "','");
    }
  else if (g_str_equal (name, "total") && n == 1)
    {
      g_string_append (t->out, "coalesce (sum (pg_temp.sq_int (");
      emit_arg (t, args, 0);
      g_string_append (t->out, ")), 0)::double precision");
      return after;
    }
  else if (g_str_equal (name, "sum") && n == 1)
    {
      g_string_append (t->out, "sum (pg_temp.sq_int (");
      emit_arg (t, args, 0);
      g_string_append (t->out, "))");
      return after;
    }
  else if ((g_str_equal (name, "max") || g_str_equal (name, "min")) && n >= 2)
    {
      g_string_append (t->out, g_str_equal (name, "max") ? "greatest (" : "least (");
      emit_args (t, args, 0);
    }
  else if (g_str_equal (name, "round") && n >= 1)
    {
      g_string_append (t->out, "round (");
      emit_cast_arg (t, args, 0, "numeric");
      if (n >= 2)
        {
          g_string_append (t->out, ", ");
          emit_cast_arg (t, args, 1, "int");
        }
      g_string_append (t->out, ")::double precision");
      return after;
    }
  else if (g_str_equal (name, "substr") && n >= 2)
    {
      g_string_append (t->out, "substr (");
      emit_cast_arg (t, args, 0, "text");
      for (guint i = 1; i < n; i++)
        {
          g_string_append (t->out, ", ");
          emit_cast_arg (t, args, i, "int");
        }
    }
  else if (g_str_equal (name, "length") && n == 1)
    {
      g_string_append (t->out, "length (");
      emit_cast_arg (t, args, 0, "text");
    }
  else if (g_str_equal (name, "cast") && n == 1)
    {
      emit_cast (t, args);
      return after;
    }
  else
    return NULL;
  g_string_append_c (t->out, ')');
  return after;
}

/* Notes whether $@index, at @after in the SQLite text, is met for the
 * first time in an IS [NOT] NULL test. */
static void
note_param (Translation *t,
            int          index,
            const char  *after)
{
  guint64 bit = index >= 1 && index <= 64 ? G_GUINT64_CONSTANT (1) << (index - 1) : 0;

  if ((t->seen & bit) == 0)
    {
      while (g_ascii_isspace (*after))
        after++;
      if (g_ascii_strncasecmp (after, "IS", 2) == 0 && g_ascii_isspace (after[2]))
        t->null_first = TRUE;
    }
  t->seen |= bit;
}

static int
param_index (Translation *t,
             const char  *name)
{
  gpointer value;

  if (g_hash_table_lookup_extended (t->names, name, NULL, &value))
    return GPOINTER_TO_INT (value);
  t->max_index++;
  g_hash_table_insert (t->names, g_strdup (name), GINT_TO_POINTER (t->max_index));
  return t->max_index;
}

/* Past the word at @p (and the spaces before it) when it is @word. */
static const char *
skip_word (const char *p,
           const char *end,
           const char *word)
{
  gsize n = strlen (word);

  while (p < end && g_ascii_isspace (*p))
    p++;
  if ((gsize) (end - p) < n || g_ascii_strncasecmp (p, word, n) != 0 ||
      (p + n < end && is_ident_char (p[n])))
    return NULL;
  return p + n;
}

/* After the word @first ("not" or "indexed", ending at @s): past the hint
 * "NOT INDEXED" or "INDEXED BY name" it starts, or NULL when it is not one. */
static const char *
skip_index_hint (const char *first,
                 const char *s,
                 const char *end)
{
  const char *q;

  if (g_str_equal (first, "not"))
    return skip_word (s, end, "INDEXED");
  if ((q = skip_word (s, end, "BY")) == NULL)
    return NULL;
  while (q < end && g_ascii_isspace (*q))
    q++;
  if (q >= end || !is_ident_start (*q))
    return NULL;
  while (q < end && is_ident_char (*q))
    q++;
  return q;
}

static void
translate_range (Translation *t,
                 const char  *p,
                 const char  *end)
{
  while (p < end)
    {
      if (*p == '\'' || *p == '"')
        {
          const char *q = skip_literal (p, end, *p);

          g_string_append_len (t->out, p, q - p);
          p = q;
        }
      else if (*p == '?')
        {
          int index = 0;

          p++;
          if (p < end && g_ascii_isdigit (*p))
            while (p < end && g_ascii_isdigit (*p))
              index = index * 10 + (*p++ - '0');
          else
            index = t->max_index + 1;
          t->max_index = MAX (t->max_index, index);
          note_param (t, index, p);
          g_string_append_printf (t->out, "$%d", index);
        }
      else if (*p == ':' && p + 1 < end && is_ident_start (p[1]) && (p == t->src || p[-1] != ':'))
        {
          const char *s = p + 1;
          g_autofree char *name = NULL;
          int index;

          while (s < end && is_ident_char (*s))
            s++;
          name = g_strndup (p, s - p);
          index = param_index (t, name);
          note_param (t, index, s);
          g_string_append_printf (t->out, "$%d", index);
          p = s;
        }
      else if (is_ident_start (*p) && (p == t->src || !is_ident_char (p[-1])))
        {
          const char *s = p;
          const char *open;
          g_autofree char *word = NULL;

          while (s < end && is_ident_char (*s))
            s++;
          word = g_ascii_strdown (p, s - p);
          open = s;
          while (open < end && g_ascii_isspace (*open))
            open++;
          if (open < end && *open == '(' && (p == t->src || p[-1] != '.'))
            {
              const char *after = translate_call (t, word, open, end);

              if (after != NULL)
                {
                  p = after;
                  continue;
                }
            }
          if (g_str_equal (word, "is"))
            {
              /* SQLite's "a IS b" / "a IS NOT b" compare NULLs as values */
              const char *q = s;
              gboolean negated = FALSE;

              while (q < end && g_ascii_isspace (*q))
                q++;
              if (g_ascii_strncasecmp (q, "NOT", 3) == 0 && q + 3 < end && g_ascii_isspace (q[3]))
                {
                  negated = TRUE;
                  q += 3;
                  while (q < end && g_ascii_isspace (*q))
                    q++;
                }
              if (q < end && (*q == '?' || *q == ':' || *q == '\'' || g_ascii_isdigit (*q) ||
                              (is_ident_start (*q) &&
                               g_ascii_strncasecmp (q, "NULL", 4) != 0 && g_ascii_strncasecmp (q, "TRUE", 4) != 0 &&
                               g_ascii_strncasecmp (q, "FALSE", 5) != 0 &&
                               g_ascii_strncasecmp (q, "DISTINCT", 8) != 0)))
                {
                  g_string_append (t->out, negated ? "IS DISTINCT FROM " : "IS NOT DISTINCT FROM ");
                  p = q;
                  continue;
                }
            }
          if (g_str_equal (word, "not") || g_str_equal (word, "indexed"))
            {
              /* SQLite's planner hints "NOT INDEXED" and "INDEXED BY name"
               * have no PostgreSQL form: its planner chooses */
              const char *q = skip_index_hint (word, s, end);

              if (q != NULL)
                {
                  p = q;
                  continue;
                }
            }
          if (g_str_equal (word, "like"))
            g_string_append (t->out, "ILIKE");
          else if (g_str_equal (word, "rowid"))
            g_string_append (t->out, "ctid");
          else
            g_string_append_len (t->out, p, s - p);
          p = s;
        }
      else
        g_string_append_c (t->out, *p++);
    }
}

void
hcs_pg_sql_free (HcsPgSql *sql)
{
  if (sql == NULL)
    return;
  g_free (sql->text);
  g_free (sql->insert_table);
  g_free (sql->describe);
  g_clear_pointer (&sql->names, g_hash_table_unref);
  g_free (sql);
}

/* "INSERT OR IGNORE INTO t" / "INSERT OR REPLACE INTO t" / "INSERT INTO t":
 * the conflict rule and the table; @rest points past the table's name. */
static const char *
parse_insert (const char      *sql,
              HcsPgConflict   *conflict,
              char           **table)
{
  g_autoptr(GRegex) re = g_regex_new ("^\\s*INSERT\\s+(OR\\s+(IGNORE|REPLACE)\\s+)?INTO\\s+([A-Za-z_][A-Za-z0-9_]*)",
                                      G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *rule = NULL;
  int end_pos = 0;

  *conflict = HCS_PG_CONFLICT_NONE;
  *table = NULL;
  if (!g_regex_match (re, sql, 0, &match))
    return NULL;
  rule = g_match_info_fetch (match, 2);
  if (rule != NULL && g_ascii_strcasecmp (rule, "IGNORE") == 0)
    *conflict = HCS_PG_CONFLICT_IGNORE;
  else if (rule != NULL && g_ascii_strcasecmp (rule, "REPLACE") == 0)
    *conflict = HCS_PG_CONFLICT_REPLACE;
  *table = g_match_info_fetch (match, 3);
  g_match_info_fetch_pos (match, 0, NULL, &end_pos);
  return sql + end_pos;
}

/* The columns of "(a, b, c)" at @p, or NULL. */
static char **
insert_columns (const char *p)
{
  const char *close;
  g_autofree char *inner = NULL;
  char **cols;

  while (*p != '\0' && g_ascii_isspace (*p))
    p++;
  if (*p != '(' || (close = strchr (p, ')')) == NULL)
    return NULL;
  inner = g_strndup (p + 1, close - p - 1);
  cols = g_strsplit (inner, ",", -1);
  for (char **c = cols; *c != NULL; c++)
    g_strstrip (*c);
  return cols;
}

/**
 * hcs_pg_sql_translate:
 * @sqlite: one statement in SQLite's dialect
 * @ignore_conflicts: an INSERT skips a row that breaks a UNIQUE constraint
 *   (as INSERT OR IGNORE) rather than failing: its changes tell
 * @primary_key: (nullable): for INSERT OR REPLACE, the table's primary key
 *   columns, comma separated (from the catalog)
 * @has_id: whether an INSERT's table has an id column (then the statement
 *   returns it, for hcs_store_last_insert_rowid())
 */
HcsPgSql *
hcs_pg_sql_translate (const char *sqlite,
                      gboolean    ignore_conflicts,
                      const char *(*primary_key) (const char *table, gpointer data),
                      gboolean    (*has_id) (const char *table, gpointer data),
                      gpointer    data)
{
  HcsPgSql *sql = g_new0 (HcsPgSql, 1);
  Translation t = { 0, };
  const char *body = sqlite, *end;
  g_autofree char *table = NULL;
  HcsPgConflict conflict;
  const char *rest = parse_insert (sqlite, &conflict, &table);

  if (rest != NULL && ignore_conflicts && conflict == HCS_PG_CONFLICT_NONE)
    conflict = HCS_PG_CONFLICT_IGNORE;
  t.out = g_string_new (NULL);
  t.src = sqlite;
  t.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  end = sqlite + strlen (sqlite);
  while (end > sqlite && (g_ascii_isspace (end[-1]) || end[-1] == ';'))
    end--;
  if (rest != NULL)
    {
      g_string_append_printf (t.out, "INSERT INTO %s", table);
      body = rest;
    }
  translate_range (&t, body, end);

  if (rest != NULL && conflict == HCS_PG_CONFLICT_IGNORE)
    g_string_append (t.out, " ON CONFLICT DO NOTHING");
  else if (rest != NULL && conflict == HCS_PG_CONFLICT_REPLACE)
    {
      const char *pk = primary_key ? primary_key (table, data) : NULL;
      g_auto(GStrv) cols = insert_columns (rest);
      g_auto(GStrv) keys = pk ? g_strsplit (pk, ",", -1) : NULL;
      gboolean any = FALSE;

      if (pk != NULL && cols != NULL)
        {
          g_string_append_printf (t.out, " ON CONFLICT (%s) DO UPDATE SET ", pk);
          for (char **c = cols; *c != NULL; c++)
            if (!g_strv_contains ((const char * const *) keys, *c))
              {
                g_string_append_printf (t.out, "%s%s = EXCLUDED.%s", any ? ", " : "", *c, *c);
                any = TRUE;
              }
          if (!any)
            g_string_append_printf (t.out, "%s = EXCLUDED.%s", keys[0], keys[0]);
        }
    }
  if (rest != NULL && has_id != NULL && has_id (table, data))
    {
      g_string_append (t.out, " RETURNING id");
      sql->returns_id = TRUE;
    }
  sql->n_params = t.max_index;
  sql->names = t.names;
  sql->insert_table = g_steal_pointer (&table);
  sql->text = g_string_free (t.out, FALSE);
  if (t.null_first)
    {
      g_autoptr(GRegex) re = g_regex_new ("\\$[0-9]+\\s+IS\\s+(NOT\\s+)?NULL\\b", G_REGEX_CASELESS, 0, NULL);

      sql->describe = g_regex_replace_literal (re, sql->text, -1, 0, "TRUE", 0, NULL);
    }
  return sql;
}
