-- A STAND-IN for Prosody, for tests only: the few parts of Prosody's module API that
-- mod_roomgate_access uses, shaped as Prosody's own code has them, so that the real module file
-- can be loaded and driven without an XMPP server.
--
--   module:get_option_*, module:hook (priority order, a non-nil return stops the event),
--   module:add_timer (the callback's number return reschedules), module:log, module.host;
--   net.http.request(url, options, callback) with callback(body, code, response, request) and
--   callback(reason, 0, request) on a failed connection, answered later from the event loop;
--   util.async.waiter/ready (each stanza runs in its own coroutine, as Prosody's session runner);
--   util.json, util.stanza.error_reply, util.jid split/bare, util.time.now;
--   a MUC room with set_role(actor, occupant_nick_jid, role, reason) that removes the occupant for
--   role "none" and fires muc-occupant-left.
--
-- Time is the stand-in's own clock, moved by advance(); HTTP is real (LuaSocket) and blocking,
-- performed one request at a time from the event loop. unplug() cuts the network to roomgate:
-- requests then fail the way net.http reports a refused connection; stall() makes roomgate accept
-- requests and never answer them.

local socket_http = require "socket.http";
local ltn12 = require "ltn12";
local cjson = require "cjson.safe";

local M = {};

local function new_set(items)
    local members = {};
    for _, item in ipairs(items or {}) do
        members[item] = true;
    end
    return { contains = function (_, item) return members[item] == true; end };
end

local function jid_split(j)
    if j == nil then
        return nil, nil, nil;
    end
    local node, rest = j:match("^([^@/]+)@(.*)$");
    rest = rest or j;
    local host, resource = rest:match("^([^/]+)/(.*)$");
    return node, host or rest, resource;
end

local function jid_bare(j)
    local node, host = jid_split(j);
    return node and (node .. "@" .. host) or host;
end

function M.new(config)
    local server = { time = 1000, logs = {}, kicks = {}, asked = 0, plugged = true, stalled = false, settled = {} };
    local hooks, timers, requests, rooms, held, waiting_joins = {}, {}, {}, {}, {}, {};

    local function fire(name, event)
        for _, h in ipairs(hooks[name] or {}) do
            local ret = h.fn(event);
            if ret ~= nil then
                return ret;
            end
        end
    end

    local module = { host = config.host or "conference.meet.example" };
    function module:get_option_string(name, default) return config[name] or default; end
    function module:get_option_number(name, default) return tonumber(config[name]) or default; end
    function module:get_option_set(name, default) return new_set(config[name] or default); end
    function module:hook(name, fn, priority)
        local list = hooks[name] or {};
        hooks[name] = list;
        table.insert(list, { fn = fn, priority = priority or 0 });
        table.sort(list, function (a, b) return a.priority > b.priority; end);
    end
    function module:add_timer(delay, fn)
        local timer = { due = server.time + delay, fn = fn };
        table.insert(timers, timer);
        return { stop = function () timer.stopped = true; end };
    end
    function module:log(level, fmt, ...)
        local line = level .. " " .. string.format(fmt, ...);
        table.insert(server.logs, line);
        io.stderr:write("[prosody stand-in] ", line, "\n");
    end

    local net_http = {};
    function net_http.request(url, options, callback)
        local request = { url = url, options = options, callback = callback };
        table.insert(requests, request);
        return request;
    end
    function net_http.destroy_request(request)
        request.destroyed = true;
    end

    local async = {};
    function async.ready()
        return coroutine.isyieldable();
    end
    function async.waiter()
        local co = coroutine.running();
        local finished, waiting = false, false;
        local function wait()
            if not finished then
                waiting = true;
                coroutine.yield();
            end
        end
        local function done()
            finished = true;
            if waiting then
                waiting = false;
                assert(coroutine.resume(co));
            end
        end
        return wait, done;
    end

    local preload = {
        ["net.http"] = net_http;
        ["util.async"] = async;
        ["util.json"] = { decode = cjson.decode, encode = cjson.encode };
        ["util.jid"] = { split = jid_split, bare = jid_bare };
        ["util.time"] = { now = function () return server.time; end };
        ["util.stanza"] = {
            error_reply = function (stanza, error_type, condition, text)
                return { name = stanza.name, type = "error", error_type = error_type, condition = condition, text = text };
            end;
        };
    };

    -- One request, as net.http answers it: the body and status, or a reason and code 0.
    local function perform(request)
        if request.destroyed then
            return;
        end
        server.asked = server.asked + 1;
        if not server.plugged then
            request.callback("connection refused", 0, request);
            return;
        end
        if server.stalled then
            table.insert(held, request);
            return;
        end
        local body = {};
        local ok, code = socket_http.request({
            url = request.url, method = request.options.method,
            headers = request.options.headers, sink = ltn12.sink.table(body),
        });
        if ok then
            request.callback(table.concat(body), code, { code = code }, request);
        else
            request.callback(tostring(code), 0, request);
        end
    end

    -- Answers every pending request, and those their callbacks make; then notes the joins that
    -- have been decided meanwhile.
    local function run_loop()
        while #requests > 0 do
            perform(table.remove(requests, 1));
        end
        for i = #waiting_joins, 1, -1 do
            local join = waiting_joins[i];
            if coroutine.status(join.thread) == "dead" then
                table.remove(waiting_joins, i);
                table.insert(server.settled, { nick = join.nick, reply = join.replies[1] });
            end
        end
    end

    function server.load(path)
        local env = setmetatable({ module = module }, { __index = _G });
        env.require = function (name)
            return preload[name] or require(name);
        end
        local chunk = assert(loadfile(path, "t", env));
        chunk();
    end

    function server.room(room_jid)
        local room = rooms[room_jid];
        if room then
            return room;
        end
        room = { jid = room_jid, _occupants = {} };
        function room:get_occupant_by_nick(nick) return self._occupants[nick]; end
        function room:each_occupant() return pairs(self._occupants); end
        function room:set_role(actor, occupant_jid, role, reason)
            if not actor then return nil, "modify", "not-acceptable"; end
            local occupant = self._occupants[occupant_jid];
            if not occupant then return nil, "modify", "item-not-found"; end
            if role ~= "none" and role ~= nil then
                occupant.role = role;
                return true;
            end
            self._occupants[occupant_jid] = nil;
            table.insert(server.kicks, { room = self.jid, nick = occupant_jid, reason = reason });
            fire("muc-occupant-left", { room = self, nick = occupant_jid, occupant = occupant });
            return true;
        end
        rooms[room_jid] = room;
        return room;
    end

    -- A presence from user_jid to room/nick by a session holding token (nil: none), processed in
    -- its own coroutine like a session's stanzas. Returns "decided" and the error sent back (nil if
    -- admitted), or "waiting" while the module waits for an answer; such a join is decided later,
    -- in advance(), and then listed in server.settled.
    function server.join(room_jid, nick, user_jid, token)
        local room = server.room(room_jid);
        local replies = {};
        local origin = { auth_token = token, send = function (reply) table.insert(replies, reply); end };
        local stanza = { name = "presence", attr = { from = user_jid, to = room_jid .. "/" .. nick } };
        local occupant = { nick = room_jid .. "/" .. nick, bare_jid = jid_bare(user_jid), role = "participant" };
        local thread = coroutine.create(function ()
            local event = { room = room, origin = origin, stanza = stanza, occupant = occupant };
            if fire("muc-occupant-pre-join", event) ~= nil then
                return;
            end
            room._occupants[occupant.nick] = occupant;
            fire("muc-occupant-joined", { room = room, nick = occupant.nick, occupant = occupant,
                origin = origin, stanza = stanza });
        end);
        assert(coroutine.resume(thread));
        run_loop();
        if coroutine.status(thread) ~= "dead" then
            table.insert(waiting_joins, { thread = thread, nick = occupant.nick, replies = replies });
            return "waiting";
        end
        return "decided", replies[1];
    end

    -- Moves the clock, fires the timers that are due (in due order) and answers their requests.
    function server.advance(seconds)
        local target = server.time + seconds;
        while true do
            table.sort(timers, function (a, b) return a.due < b.due; end);
            local timer = timers[1];
            if not timer or timer.due > target then
                break;
            end
            table.remove(timers, 1);
            server.time = timer.due;
            if not timer.stopped then
                local again = timer.fn(server.time);
                if type(again) == "number" then
                    timer.due = server.time + again;
                    table.insert(timers, timer);
                end
            end
            run_loop();
        end
        server.time = target;
    end

    function server.unplug() server.plugged = false; end
    function server.stall() server.stalled = true; end
    function server.occupants(room_jid)
        local nicks = {};
        for nick in pairs(server.room(room_jid)._occupants) do
            table.insert(nicks, nick);
        end
        table.sort(nicks);
        return nicks;
    end

    return server;
end

return M;
