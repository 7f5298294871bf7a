-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script for bench/server.sh: the URL given, with the bearer token.
wrk.headers["Authorization"] = "Bearer " .. os.getenv ("HC_BENCH_TOKEN")
dofile (debug.getinfo (1, "S").source:sub (2):match ("(.*/)") .. "wrk-report.lua")
