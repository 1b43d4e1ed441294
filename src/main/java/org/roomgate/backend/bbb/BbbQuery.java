package org.roomgate.backend.bbb;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An API call's query string in the order its parameters were added, encoded once: the checksum covers exactly this text. */
public final class BbbQuery {

    private final List<String> pairs = new ArrayList<>();

    public BbbQuery add(String name, Object value) {
        pairs.add(encode(name) + "=" + encode(String.valueOf(value)));
        return this;
    }

    @Override
    public String toString() {
        return String.join("&", pairs);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
