-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk hook for bench/server.sh: one line "RESULT req/s p50_ms p99_ms non2xx+errors".
done = function (summary, latency, requests)
  local e = summary.errors
  io.write (string.format ("RESULT %.1f %.3f %.3f %d\n",
                           summary.requests / (summary.duration / 1e6),
                           latency:percentile (50) / 1000, latency:percentile (99) / 1000,
                           e.status + e.connect + e.read + e.write + e.timeout))
end
