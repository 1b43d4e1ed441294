-- Drives mod_roomgate_access inside the Prosody stand-in, one command per stdin line, one JSON
-- answer per stdout line (the JUnit test ProsodyModuleTest is the other end):
--   join <room jid> <nick> <user jid> <token or ->   -> {"admitted":true}, {"admitted":false,"error":…}
--                                                      or {"waiting":true} while the module waits
--   advance <seconds>                               -> {"kicked":[{"nick":…,"reason":…}],"asked":n,
--                                                       "settled":[{"nick":…,"admitted":…}]}
--   occupants <room jid>                            -> {"occupants":[…]}
--   unplug                                          -> {"unplugged":true}
--   stall                                           -> {"stalled":true}
--   logs                                            -> {"logs":[…]}
-- Usage: lua5.4 drive.lua <module file> '<options as JSON>'
local here = arg[0]:match("^(.*)/[^/]*$") or ".";
package.path = here .. "/?.lua;" .. package.path;

local cjson = require "cjson";
local stand_in = require "prosody_stand_in";

local server = stand_in.new(cjson.decode(arg[2]));
server.load(arg[1]);

local function answer(value)
    io.stdout:write(cjson.encode(value), "\n");
    io.stdout:flush();
end

for line in io.lines() do
    local words = {};
    for word in line:gmatch("%S+") do
        table.insert(words, word);
    end
    local command = words[1];
    if command == "join" then
        local state, reply = server.join(words[2], words[3], words[4], words[5] ~= "-" and words[5] or nil);
        if state == "waiting" then
            answer({ waiting = true });
        elseif reply then
            answer({ admitted = false, error = reply.condition, text = reply.text });
        else
            answer({ admitted = true });
        end
    elseif command == "advance" then
        local kicks, settled, asked = #server.kicks, #server.settled, server.asked;
        server.advance(tonumber(words[2]));
        local kicked, decided = {}, {};
        for i = kicks + 1, #server.kicks do
            table.insert(kicked, { nick = server.kicks[i].nick, reason = server.kicks[i].reason });
        end
        for i = settled + 1, #server.settled do
            table.insert(decided, { nick = server.settled[i].nick, admitted = server.settled[i].reply == nil });
        end
        answer({ kicked = kicked, settled = decided, asked = server.asked - asked });
    elseif command == "occupants" then
        answer({ occupants = server.occupants(words[2]) });
    elseif command == "unplug" then
        server.unplug();
        answer({ unplugged = true });
    elseif command == "stall" then
        server.stall();
        answer({ stalled = true });
    elseif command == "logs" then
        answer({ logs = server.logs });
    elseif command == "quit" then
        break;
    else
        answer({ unknown = command });
    end
end
