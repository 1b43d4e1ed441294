-- Participants post chat messages: each request is one pupil's join token posting into its room.
-- TOKENS_FILE holds "room token" lines, one per pupil.
local pupils = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do
  local room, token = line:match("^(%S+) (%S+)$")
  pupils[#pupils + 1] = { room = room, token = token }
end
local counter = 0

function setup(thread)
  thread:set("offset", math.random(0, #pupils - 1))
end

request = function()
  counter = counter + 1
  local pupil = pupils[((counter + offset) % #pupils) + 1]
  return wrk.format("POST", "/api/v1/rooms/" .. pupil.room .. "/chat",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. pupil.token },
    '{"text":"Guten Morgen, ich habe eine Frage zu Aufgabe 3."}')
end

dofile("bench/report.lua")
done = function(summary, latency, requests)
  report(summary, latency)
end
