# Shared by tools/run and tools/test (sourced, not run): installs the Debian
# packages hncredit needs when some are missing, and configures a build dir.
# Idempotent: on a machine that has everything it asks apt nothing.

HC_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

HC_PACKAGES=(
  meson ninja-build pkg-config gcc gettext python3
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libsqlite3-dev sqlite3
  libsoup-3.0-dev libargon2-dev libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libxlsxwriter-dev libarchive-dev nettle-dev libpango1.0-dev libcairo2-dev poppler-utils
  xvfb xauth dbus at-spi2-core fonts-noto-cjk locales
  desktop-file-utils appstream wrk nginx-light librsvg2-common openssl python3-jsonschema
  python3-openpyxl
  # The PostgreSQL backend (issue 15): libpq, and PostgreSQL 15 with
  # pg_virtualenv (postgresql-common) for the api-pg tests' throwaway clusters.
  libpq-dev postgresql postgresql-common
)

hc_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

hc_install_packages() {
  local missing=()
  local p
  for p in "${HC_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "tools: installing ${missing[*]}" >&2
    hc_sudo apt-get update -qq
    hc_sudo env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
  # Users run the app in zh_CN.UTF-8; a fresh Debian has only C locales.
  if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    echo "tools: generating the zh_CN.UTF-8 locale" >&2
    hc_sudo sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | hc_sudo tee -a /etc/locale.gen >/dev/null
    hc_sudo locale-gen >&2
  fi
}

# hc_configure BUILDDIR [meson options…]: configure once, reconfigure when the
# options asked for differ from the ones the dir was made with.
hc_configure() {
  local dir=$1; shift
  local stamp="$dir/.hc-options"
  local want="$*"
  if [ -f "$dir/build.ninja" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$HC_TOP" "$@" >&2
  else
    meson setup "$dir" "$HC_TOP" "$@" >&2
  fi
  echo "$want" > "$stamp"
}
