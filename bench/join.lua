-- Drives POST /api/v1/rooms/{room}/join for 2,000 pupils spread over the benchmark's rooms.
-- Each pupil always joins its own room, so after the first round every join is the
-- "already inside: fresh token" path, as when a whole school reconnects at 8:00.
local rooms = {}
for line in io.lines(os.getenv("ROOMS_FILE")) do rooms[#rooms + 1] = line end
local key = os.getenv("PLATFORM_KEY")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local counter = 0

function setup(thread)
  thread:set("offset", math.random(0, 1999))
end

request = function()
  counter = counter + 1
  local pupil = (counter + offset) % 2000
  local room = rooms[(pupil % #rooms) + 1]
  local body = string.format(
    '{"subjectId":"p-%d","displayName":"Pupil %d","role":"PUPIL","clientIp":"203.0.113.9","userAgent":"bench"}',
    pupil, pupil)
  return wrk.format("POST", "/api/v1/rooms/" .. room .. "/join",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }, body)
end

function delay()
  return delay_ms
end

dofile("bench/report.lua")
done = function(summary, latency, requests)
  report(summary, latency)
end
