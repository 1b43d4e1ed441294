package org.roomgate.backend.jitsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * roomgate's real Prosody module ({@code prosody/mod_roomgate_access.lua}) loaded into the Lua
 * stand-in of Prosody's module API ({@code prosody/test/prosody_stand_in.lua}) under Debian's
 * {@code lua5.4}, driven line by line through {@code prosody/test/drive.lua}. The module's HTTP
 * calls are real; Prosody's clock is the stand-in's and moves only by {@link #advance}.
 */
final class LuaProsody implements AutoCloseable {

    static final String LUA = "lua5.4";
    private static final Path DRIVER = Path.of("prosody/test/drive.lua");
    private static final Path MODULE = Path.of("prosody/mod_roomgate_access.lua");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A kick the module made: the occupant's room nick JID and the reason it gave. */
    record Kick(String nick, String reason) {
    }

    private final Process process;
    private final BufferedWriter commands;
    private final BufferedReader answers;

    private LuaProsody(Process process) {
        this.process = process;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the stand-in with the module loaded under these Prosody options. */
    static LuaProsody start(Map<String, Object> options) throws IOException {
        Process process = new ProcessBuilder(LUA, DRIVER.toString(), MODULE.toString(), JSON.writeValueAsString(options))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new LuaProsody(process);
    }

    /**
     * CI installs Lua and its libraries in {@code .ci/run}, so there their absence fails the test;
     * elsewhere the test is skipped with a message saying how to get them.
     */
    static void requireLua() throws Exception {
        boolean present = onPath(LUA) && run(LUA, "-e", "require 'socket.http'; require 'cjson'") == 0;
        if (System.getenv("CI") != null) {
            assertTrue(present, "CI must have lua5.4 with lua-socket and lua-cjson (.ci/run installs them)");
        }
        Assumptions.assumeTrue(present, "Lua missing: apt-get install lua5.4 lua-socket lua-cjson (or run .ci/run as root)");
    }

    /** A presence to {@code room/nick} from {@code userJid} whose session holds {@code token} (null: none). */
    JsonNode join(String roomJid, String nick, String userJid, String token) throws IOException {
        return ask("join " + roomJid + " " + nick + " " + userJid + " " + (token == null ? "-" : token));
    }

    boolean admitted(String roomJid, String nick, String userJid, String token) throws IOException {
        return join(roomJid, nick, userJid, token).path("admitted").asBoolean();
    }

    /** Moves Prosody's clock; returns the kicks the module made meanwhile. */
    List<Kick> advance(int seconds) throws IOException {
        List<Kick> kicks = new ArrayList<>();
        // lua-cjson writes an empty Lua table as {}: no kicks.
        ask("advance " + seconds).path("kicked")
                .forEach(k -> kicks.add(new Kick(k.path("nick").asText(), k.path("reason").asText())));
        return kicks;
    }

    /** Moves Prosody's clock; returns the waiting joins decided meanwhile, by nick JID: admitted or not. */
    Map<String, Boolean> decided(int seconds) throws IOException {
        Map<String, Boolean> joins = new LinkedHashMap<>();
        ask("advance " + seconds).path("settled")
                .forEach(j -> joins.put(j.path("nick").asText(), j.path("admitted").asBoolean()));
        return joins;
    }

    List<String> occupants(String roomJid) throws IOException {
        List<String> nicks = new ArrayList<>();
        ask("occupants " + roomJid).path("occupants").forEach(n -> nicks.add(n.asText()));
        return nicks;
    }

    /** Cuts the network between Prosody and roomgate. */
    void unplug() throws IOException {
        assertTrue(ask("unplug").path("unplugged").asBoolean());
    }

    /** From now on roomgate takes Prosody's requests and never answers them. */
    void stall() throws IOException {
        assertTrue(ask("stall").path("stalled").asBoolean());
    }

    List<String> logs() throws IOException {
        List<String> lines = new ArrayList<>();
        ask("logs").path("logs").forEach(l -> lines.add(l.asText()));
        return lines;
    }

    private JsonNode ask(String command) throws IOException {
        commands.write(command);
        commands.newLine();
        commands.flush();
        String line = answers.readLine();
        assertNotNull(line, "the Lua stand-in ended (see its stderr above)");
        return JSON.readTree(line);
    }

    @Override
    public void close() throws Exception {
        commands.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroy();
        }
        assertEquals(0, process.waitFor(), "the Lua stand-in failed (see its stderr above)");
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
