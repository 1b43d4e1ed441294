package org.roomgate.backend.bbb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.roomgate.backend.BackendKind;
import org.roomgate.backend.BackendSettings;

/** BigBlueButton's checksum against the golden vectors of its API documentation (api.md "API Security Model"). */
class BbbChecksumTest {

    static final String SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";
    static final String QUERY = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444";

    @Test
    void shouldMatchTheDocumentedSha1Vector() {
        assertEquals("1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17", BbbChecksum.SHA1.ofCall("create", QUERY, SECRET));
    }

    @Test
    void shouldMatchTheSha256Sha384AndSha512VectorsOfTheSameString() {
        assertEquals("da9185f7f333cfdfcd6eeac32dca3777510c4c436020d8b887ba5515bd1d189e",
                BbbChecksum.SHA256.ofCall("create", QUERY, SECRET));
        assertEquals("891ac633df39d0a1b4f8d597f3e190833216c4b29c4fb51ea3ca72757eeb958d6e7b49a845cf29f5c6019c7d29d029d1",
                BbbChecksum.SHA384.ofCall("create", QUERY, SECRET));
        assertEquals("de73ad61d11a5c801b68d4bd6ec5248546085cefb0b25c85f3c46249ea93a3a4b120f92c0a8a58d7512cb77821884951"
                + "a3b01245f3435dbbef49fff3cc3988b4", BbbChecksum.SHA512.ofCall("create", QUERY, SECRET));
    }

    @Test
    void shouldBuildTheDocumentedUrlWithTheConfiguredAlgorithm() {
        BackendSettings settings = new BackendSettings("t", BackendKind.BIGBLUEBUTTON, "https://bbb.example/bigbluebutton/",
                null, null, null, null, null, "SHA1", SECRET);
        BbbQuery query = new BbbQuery().add("name", "Test Meeting").add("meetingID", "abc123").add("attendeePW", "111222")
                .add("moderatorPW", "333444");
        assertEquals("https://bbb.example/bigbluebutton/api/create?" + QUERY + "&checksum=1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17",
                BbbClient.url(settings, "create", query).toString());
    }

    @Test
    void shouldTellTheAlgorithmByTheChecksumsLength() {
        assertEquals(Optional.of(BbbChecksum.SHA1), BbbChecksum.byLength("a".repeat(40)));
        assertEquals(Optional.of(BbbChecksum.SHA256), BbbChecksum.byLength("a".repeat(64)));
        assertEquals(Optional.of(BbbChecksum.SHA384), BbbChecksum.byLength("a".repeat(96)));
        assertEquals(Optional.of(BbbChecksum.SHA512), BbbChecksum.byLength("a".repeat(128)));
        assertEquals(Optional.empty(), BbbChecksum.byLength("a".repeat(63)));
        assertEquals(Optional.empty(), BbbChecksum.byLength(null));
    }

    @Test
    void shouldCompareChecksumsExactly() {
        String good = BbbChecksum.SHA1.ofCall("create", QUERY, SECRET);
        assertTrue(BbbChecksum.same(good, good));
        assertTrue(BbbChecksum.same(good, good.toUpperCase()), "hex case does not matter");
        assertFalse(BbbChecksum.same(good, good.substring(0, 39) + "0"));
        assertFalse(BbbChecksum.same(good, null));
    }
}
