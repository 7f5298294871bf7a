-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script for tools/load: a mix of the API's read routes as an analyst
-- ($HC_LOAD_READ_TOKEN), and, with $HC_LOAD_WRITES > 0, that share of
-- writes (POST /departments, each with a code of its own) as an
-- administrator ($HC_BENCH_TOKEN). Subjects are read by the identifiers in
-- $HC_BENCH_IDS (one a line).
local ids = {}
for line in io.lines (os.getenv ("HC_BENCH_IDS")) do
  ids[#ids + 1] = line
end
local writes = tonumber (os.getenv ("HC_LOAD_WRITES") or "0")
local read_auth = { ["Authorization"] = "Bearer " .. os.getenv ("HC_LOAD_READ_TOKEN") }
local write_auth = { ["Authorization"] = "Bearer " .. os.getenv ("HC_BENCH_TOKEN"),
                     ["Content-Type"] = "application/json" }
local reads = {
  function () return "/api/v1/subjects/" .. ids[math.random (#ids)] end,
  function () return "/api/v1/subjects/" .. ids[math.random (#ids)] .. "/file" end,
  function () return "/api/v1/risk/heatmap?by=region-month" end,
  function () return "/api/v1/regions" end,
  function () return "/api/v1/lists/black/entries?limit=20" end,
  function () return "/api/v1/subjects?q=" .. "%E6%B5%B7%E5%8D%97" .. "&limit=20" end,
  function () return "/api/v1/catalog/versions" end,
  function () return "/api/v1/indicators" end,
}

local threads = 0

function setup (thread)
  threads = threads + 1
  thread:set ("thread_no", threads)
end

function init (args)
  math.randomseed (7919 * thread_no)
end

local n = 0

function request ()
  n = n + 1
  if writes > 0 and math.random () < writes then
    local code = string.format ("L%s%d-%d-%d", os.getenv ("HC_BENCH_TAG") or "", thread_no, n, math.random (1e9))
    return wrk.format ("POST", "/api/v1/departments", write_auth,
                       string.format ('{"code":"%s","name":"负载测试%s"}', code, code))
  end
  return wrk.format ("GET", reads[math.random (#reads)] (), read_auth)
end

dofile (debug.getinfo (1, "S").source:sub (2):match ("(.*/)") .. "wrk-report.lua")
