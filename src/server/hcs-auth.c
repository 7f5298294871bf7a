/* SPDX-License-Identifier: GPL-3.0-or-later */
/* argon2id password hashes and random bearer tokens. */
#define G_LOG_DOMAIN "hcs-auth"

#include "config.h"

#include <argon2.h>
#include <errno.h>
#include <nettle/sha2.h>
#include <string.h>
#include <sys/random.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "hcs-auth.h"
#include "hc-input.h"

/* OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane. */
#define T_COST   2
#define M_COST   19456
#define LANES    1
#define SALT_LEN 16
#define HASH_LEN 32

static void
random_bytes (guint8 *buf,
              gsize   len)
{
  gsize done = 0;

  while (done < len)
    {
      ssize_t n = getrandom (buf + done, len - done, 0);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          g_error ("getrandom failed: %s", g_strerror (errno));
        }
      done += (gsize) n;
    }
}

/* Returns: (transfer full): the encoded hash ("$argon2id$v=19$…") */
char *
hcs_auth_hash_password (const char  *password,
                        GError     **error)
{
  guint8 salt[SALT_LEN];
  gsize enc_len = argon2_encodedlen (T_COST, M_COST, LANES, SALT_LEN, HASH_LEN, Argon2_id);
  g_autofree char *encoded = g_malloc0 (enc_len);
  int rc;

  random_bytes (salt, sizeof salt);
  rc = argon2id_hash_encoded (T_COST, M_COST, LANES, password, strlen (password),
                              salt, sizeof salt, HASH_LEN, encoded, enc_len);
  if (rc != ARGON2_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "argon2: %s", argon2_error_message (rc));
      return NULL;
    }
  return g_steal_pointer (&encoded);
}

gboolean
hcs_auth_verify_password (const char *encoded,
                          const char *password)
{
  return argon2id_verify (encoded, password, strlen (password)) == ARGON2_OK;
}

/* Returns: (transfer full): 256 random bits as 64 hex digits */
char *
hcs_auth_new_token (void)
{
  guint8 bytes[32];
  GString *s = g_string_sized_new (65);

  random_bytes (bytes, sizeof bytes);
  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (s, "%02x", bytes[i]);
  return g_string_free (s, FALSE);
}

/* Tokens are stored only as this hash, so a copy of the database does not
 * hand out sessions. Every authenticated request hashes its token: nettle
 * (SHA-256 in hardware where the processor has it) instead of GChecksum,
 * whose portable SHA-256 was 8,300 instructions a request; the same
 * lower-case hex. */
char *
hcs_auth_token_hash (const char *token)
{
  static const char hex[] = "0123456789abcdef";
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *out = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_init (&ctx);
  sha256_update (&ctx, strlen (token), (const guint8 *) token);
  sha256_digest (&ctx, sizeof digest, digest);
  for (guint i = 0; i < sizeof digest; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[2 * SHA256_DIGEST_SIZE] = '\0';
  return out;
}

/* At least 10 characters, not all of them spaces or invisible; @reason is a
 * translated explanation otherwise. */
gboolean
hcs_auth_password_is_acceptable (const char  *password,
                                 const char **reason)
{
  if (password == NULL || g_utf8_strlen (password, -1) < 10)
    {
      *reason = _("A password needs at least 10 characters.");
      return FALSE;
    }
  if (hc_input_is_blank (password))
    {
      *reason = _("A password cannot be made only of spaces or invisible characters.");
      return FALSE;
    }
  return TRUE;
}
