-- The floor under every platform call: HTTP, the bearer mechanism and the API-key lookup, and
-- nothing else. A platform key asking for the tenant list (ops only) is looked up, then refused
-- with 403 problem+json by role, before any endpoint code or query of its own runs.
local key = os.getenv("PLATFORM_KEY")

request = function()
  return wrk.format("GET", "/api/v1/tenants", { ["Authorization"] = "Bearer " .. key })
end

dofile("bench/report.lua")
done = function(summary, latency, requests)
  report(summary, latency)
end
