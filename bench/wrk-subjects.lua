-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script for bench/server.sh: GET /api/v1/subjects/{uscc} for random
-- existing USCCs (one a line in $HC_BENCH_IDS), with the bearer token.
local ids = {}
for line in io.lines (os.getenv ("HC_BENCH_IDS")) do
  ids[#ids + 1] = line
end
wrk.headers["Authorization"] = "Bearer " .. os.getenv ("HC_BENCH_TOKEN")

local threads = 0

function setup (thread)
  threads = threads + 1
  thread:set ("thread_no", threads)
end

function init (args)
  math.randomseed (7919 * thread_no)
end

function request ()
  return wrk.format ("GET", "/api/v1/subjects/" .. ids[math.random (#ids)])
end

dofile (debug.getinfo (1, "S").source:sub (2):match ("(.*/)") .. "wrk-report.lua")
