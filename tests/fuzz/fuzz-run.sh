#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A brief libFuzzer run of one target, in the suite fuzz (issue 11: CI runs
# each harness briefly). The target is built with clang in _build/fuzz
# (tools/setup.sh, hc_build_fuzzers; tools/test builds it before the tests,
# so here the build is only checked) and explores for SECONDS from its seed
# corpus, writing new inputs to a temporary corpus that is thrown away. A
# crash, a leak, a sanitizer report or a timeout fails the test and leaves the
# input that caused it in _build/fuzz/crashes/, whose path the log names,
# with the command that replays it. Without clang and its libFuzzer runtime
# the test is skipped (exit 77); tools/setup.sh installs them.
#   fuzz-run.sh TARGET [SECONDS]
set -euo pipefail
target=$1
seconds=${2:-5}
top=${HC_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
source "$top/tools/setup.sh"

if ! hc_have_libfuzzer; then
  echo "SKIP: clang with libFuzzer (libclang-rt-14-dev) is not installed; tools/setup.sh installs it"
  exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/hncredit-fuzz-$target.XXXXXX")
trap 'rm -rf "$work"' EXIT
if ! hc_build_fuzzers "$target" > "$work/build.log" 2>&1; then
  echo "the clang build of fuzz-$target failed:"
  tail -40 "$work/build.log"
  exit 1
fi

exe="$HC_FUZZ_BUILD/tests/fuzz/fuzz-$target"
seeds="$top/tests/fuzz/corpus/$target"
crashes="$HC_FUZZ_BUILD/crashes"
mkdir -p "$crashes" "$work/corpus"
stamp="$work/.start"
touch "$stamp"

echo "fuzz-$target: ${seconds}s from $seeds"
status=0
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1:fast_unwind_on_malloc=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
G_DEBUG=fatal-criticals G_SLICE=always-malloc \
  "$exe" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$crashes/$target-" "$work/corpus" "$seeds" \
    > "$work/log" 2>&1 || status=$?

if [ $status -ne 0 ]; then
  tail -60 "$work/log"
  echo
  echo "fuzz-$target FAILED (exit $status)."
  found=$(find "$crashes" -maxdepth 1 -type f -name "$target-*" -newer "$stamp" | sort)
  for f in $found; do
    echo "reproducer: $f"
    echo "  replay: $exe $f"
    echo "  keep it as a regression test: cp $f $seeds/"
  done
  [ -n "$found" ] || echo "no reproducer was written (see the log above)"
  exit 1
fi
grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' "$work/log" || true
exit 0
