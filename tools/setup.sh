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
  # libFuzzer (issue 11): the suite fuzz runs each target briefly, built
  # with clang in _build/fuzz (hc_build_fuzzers); gcc builds everything else.
  clang libclang-rt-14-dev
  # The PostgreSQL backend (issue 15): libpq, and PostgreSQL 15 with
  # pg_virtualenv (postgresql-common) for the api-pg tests' throwaway clusters.
  libpq-dev postgresql postgresql-common
  # api-pg-netdrop: a network namespace (ip netns) and ss for its link cut.
  iproute2
)

# Only for the suite api-pg-full (tools/test installs them when asked for
# it, not tools/run nor the default run): the Patroni example
# (deploy/patroni/, test api-pg-patroni), Patroni 3.0 and etcd 3.4 (server
# and etcdctl). Debian starts its own etcd service on 127.0.0.1:2379 where
# systemd runs; the test runs an etcd of its own on free ports
# (`systemctl disable --now etcd` if it is not wanted).
HC_FULL_PACKAGES=(patroni etcd-server etcd-client)

hc_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# hc_install_packages [PACKAGE…]: HC_PACKAGES and the ones named, those
# missing installed.
hc_install_packages() {
  local missing=()
  local p
  for p in "${HC_PACKAGES[@]}" "$@"; do
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

# hc_have_libfuzzer: true when clang and its libFuzzer runtime are installed.
hc_have_libfuzzer() {
  command -v clang >/dev/null 2>&1 &&
    [ -f "$(clang -print-file-name=libclang_rt.fuzzer-x86_64.a)" ]
}

# The libFuzzer targets of tests/fuzz, built with clang (ASan + UBSan + the
# fuzzer's coverage) in _build/fuzz: tools/fuzz explores with them, and the
# suite fuzz of the ordinary build runs each briefly (tests/fuzz/fuzz-run.sh).
HC_FUZZ_BUILD="$HC_TOP/_build/fuzz"
HC_FUZZ_TARGETS=(identifiers input json xlsx csv-import http)

# hc_build_fuzzers [TARGET…]: configures and builds (all by default); one
# build at a time (the tests of the suite fuzz run in parallel).
hc_build_fuzzers() {
  local targets=("$@")
  if [ ${#targets[@]} -eq 0 ]; then
    targets=("${HC_FUZZ_TARGETS[@]}")
  fi
  mkdir -p "$HC_TOP/_build"
  (
    flock 9
    # -Werror stays with tools/test (gcc): clang warns about other things.
    CC=clang hc_configure "$HC_FUZZ_BUILD" -Dfuzz=true -Dapp=false -Dui_tests=false \
      -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=false
    meson compile -C "$HC_FUZZ_BUILD" "${targets[@]/#/tests/fuzz/fuzz-}" >&2
  ) 9> "$HC_TOP/_build/fuzz.lock"
}
