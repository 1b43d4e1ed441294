-- roomgate's admission check for Jitsi rooms, loaded on the conference MUC component.
--
-- Before a participant joins a room, and every roomgate_access_interval seconds for everyone
-- inside, it asks roomgate's GET /api/v1/backend-events/<tenant>/jitsi-access with the
-- participant's token as bearer. roomgate answers {"access":false} once the participation has
-- ended (leave, consent withdrawn, room closed) or the token grants more than the pupil may do now.
--
-- It fails closed, because what it guards is pupils' data: a join that roomgate does not confirm
-- (no answer, an error, no token) is refused; someone inside is removed at once when roomgate says
-- no, and after roomgate_access_grace seconds without a confirmation when roomgate cannot be asked,
-- so a restart of roomgate does not empty a lesson but an outage does not keep a pupil on camera
-- whose consent may have ended. It never logs tokens: they carry the participant's name.

local http = require "net.http";
local json = require "util.json";
local async = require "util.async";
local st = require "util.stanza";
local jid = require "util.jid";
local now = require "util.time".now;

local ROOMGATE_URL = module:get_option_string("roomgate_access_url");
local INTERVAL = module:get_option_number("roomgate_access_interval", 30);
local TIMEOUT = module:get_option_number("roomgate_access_timeout", 5);
local GRACE = module:get_option_number("roomgate_access_grace", 60);
-- Jicofo's focus (and jibri/jigasi, were they deployed) join without a participant token.
local EXEMPT = module:get_option_set("roomgate_access_exempt", {});

local REFUSED_TEXT = "roomgate: not admitted to this room";
local ENDED_TEXT = "roomgate: admission ended";
local UNCONFIRMED_TEXT = "roomgate: admission could not be confirmed";

if not ROOMGATE_URL then
    -- Failing to load would let every join through; staying loaded refuses them.
    module:log("error", "No 'roomgate_access_url' option set: every join to %s is refused", module.host);
end

-- Occupants admitted by roomgate, by their room nick JID (room@host/nick).
local inside = {};

local function is_exempt(user_jid)
    local _, domain = jid.split(user_jid);
    return EXEMPT:contains(jid.bare(user_jid)) or (domain ~= nil and EXEMPT:contains(domain));
end

-- The tenant of a room at https://<jitsi>/<tenant>/<room>: mod_muc_domain_mapper names it
-- [tenant]room@conference.<domain>. Only roomgate's tenant ids are accepted, so nothing else
-- reaches the URL.
local function tenant_of(room_jid)
    local node = jid.split(room_jid);
    return node and node:match("^%[([a-z0-9][a-z0-9%-]*)%]");
end

local function access_url(tenant)
    return ROOMGATE_URL:gsub("/+$", "") .. "/api/v1/backend-events/" .. tenant .. "/jitsi-access";
end

-- "allowed", "refused" (roomgate said no, or that the token is not its own for this tenant) or
-- "unknown" (no usable answer).
local function verdict_of(body, code)
    if code == 401 or code == 403 then
        return "refused";
    end
    if code ~= 200 then
        return "unknown";
    end
    local answer = json.decode(body);
    if type(answer) == "table" and answer.access == true then
        return "allowed";
    elseif type(answer) == "table" and answer.access == false then
        return "refused";
    end
    return "unknown";
end

-- Whether there is something to ask roomgate about: without a tenant or a token the answer is no.
local function askable(tenant, token)
    return ROOMGATE_URL ~= nil and tenant ~= nil and token ~= nil;
end

-- Asks roomgate and calls answer(verdict) exactly once, within TIMEOUT seconds.
local function ask(tenant, token, answer)
    if not askable(tenant, token) then
        answer("refused");
        return;
    end
    local settled = false;
    local function settle(verdict)
        if not settled then
            settled = true;
            answer(verdict);
        end
    end
    local request = http.request(access_url(tenant), {
        method = "GET";
        headers = { ["Authorization"] = "Bearer " .. token; ["Accept"] = "application/json" };
    }, function (body, code)
        settle(verdict_of(body, code));
    end);
    module:add_timer(TIMEOUT, function ()
        if not settled then
            if request and http.destroy_request then
                http.destroy_request(request);
            end
            settle("unknown");
        end
    end);
end

-- The verdict for a join; waits for roomgate inside the session's stanza thread, as
-- jitsi-meet's own token plugins wait for their key server.
local function join_verdict(tenant, token)
    if not askable(tenant, token) then
        return "refused";
    end
    if not async.ready() then
        module:log("error", "A join outside Prosody's stanza thread cannot wait for roomgate; refused");
        return "unknown";
    end
    local verdict;
    local wait, done = async.waiter();
    ask(tenant, token, function (v)
        verdict = v;
        done();
    end);
    wait();
    return verdict;
end

module:hook("muc-occupant-pre-join", function (event)
    local room, origin, stanza = event.room, event.origin, event.stanza;
    if is_exempt(stanza.attr.from) then
        return;
    end
    local verdict = join_verdict(tenant_of(room.jid), origin.auth_token);
    if verdict ~= "allowed" then
        module:log("info", "Join to %s refused: %s", room.jid, verdict);
        origin.send(st.error_reply(stanza, "cancel", "not-allowed", REFUSED_TEXT));
        return true;
    end
end, 5); -- after mod_token_verification (99) and mod_muc_max_occupants (10) have had their say

module:hook("muc-occupant-joined", function (event)
    local room, stanza = event.room, event.stanza;
    if is_exempt(stanza.attr.from) then
        return;
    end
    -- Prosody before 0.12 names no origin here; the joining session is the stanza's sender.
    local origin = event.origin or prosody.full_sessions[stanza.attr.from];
    inside[event.nick] = {
        room = room; nick = event.nick; tenant = tenant_of(room.jid);
        token = origin and origin.auth_token; confirmed = now();
    };
end);

module:hook("muc-occupant-left", function (event)
    inside[event.nick or event.occupant.nick] = nil;
end);

module:hook("muc-room-destroyed", function (event)
    for nick, entry in pairs(inside) do
        if entry.room == event.room then
            inside[nick] = nil;
        end
    end
end);

local function remove(entry, text)
    inside[entry.nick] = nil;
    local ok, err_type, err = entry.room:set_role(true, entry.nick, "none", text);
    if ok then
        module:log("info", "Occupant %s removed: %s", entry.nick, text);
    else
        module:log("warn", "Occupant %s could not be removed: %s %s", entry.nick, tostring(err_type), tostring(err));
    end
end

local function check(entry)
    entry.asking = true;
    ask(entry.tenant, entry.token, function (verdict)
        entry.asking = false;
        if inside[entry.nick] ~= entry then
            return; -- left (or rejoined) while roomgate was asked
        end
        if verdict == "allowed" then
            entry.confirmed = now();
        elseif verdict == "refused" then
            remove(entry, ENDED_TEXT);
        elseif now() - entry.confirmed >= GRACE then
            remove(entry, UNCONFIRMED_TEXT);
        end
    end);
end

module:add_timer(INTERVAL, function ()
    for _, entry in pairs(inside) do
        if not entry.asking then
            check(entry);
        end
    end
    return INTERVAL;
end);
