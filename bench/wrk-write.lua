-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script for bench/sync.sh and tools/load: POST /api/v1/departments, each
-- with a code and name of its own (one transaction and one audit entry a
-- request), with the bearer token of $HC_BENCH_TOKEN.
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv ("HC_BENCH_TOKEN")
wrk.headers["Content-Type"] = "application/json"

local threads = 0

function setup (thread)
  threads = threads + 1
  thread:set ("thread_no", threads)
end

local n = 0

function request ()
  n = n + 1
  local code = string.format ("W%s%d-%d-%d", os.getenv ("HC_BENCH_TAG") or "", thread_no, n, math.random (1e9))
  return wrk.format ("POST", "/api/v1/departments", nil,
                     string.format ('{"code":"%s","name":"写入测试%s"}', code, code))
end

dofile (debug.getinfo (1, "S").source:sub (2):match ("(.*/)") .. "wrk-report.lua")
