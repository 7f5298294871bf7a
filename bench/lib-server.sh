# Shared by the bench scripts (sourced, not run).

# hc_bench_wait_listening OUT ERR PID: waits for the server PID to print its
# "listening on URL" line into OUT and prints URL; exits the script with
# the server's ERR when it stops before.
hc_bench_wait_listening() {
  local out=$1 err=$2 pid=$3
  while ! grep -q "^listening on " "$out"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the server stopped before it listened:" >&2
      cat "$err" >&2
      exit 1
    fi
    sleep 0.2
  done
  grep -m1 "^listening on " "$out" | sed 's/^listening on //'
}
