package org.roomgate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A two-column table of the README, read the way a person reads it: back-ticked names on both sides. */
public final class ReadmeTable {

    private static final Pattern ROW = Pattern.compile("^\\| ((?:`[^`|]+`(?:, )?)+) \\| ([^|]+) \\|$", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([^`]+)`");

    private ReadmeTable() {
    }

    /**
     * For the first table with {@code header} after {@code section}: each back-ticked name of the
     * first column → the back-ticked names of the second; a second column that starts with
     * "nothing" maps to no names. Rows without back-ticked names in the first column are skipped.
     */
    public static Map<String, Set<String>> rows(String section, String header) {
        String readme;
        try {
            readme = Files.readString(Path.of("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String table = readme.substring(readme.indexOf(header, readme.indexOf(section)));
        table = table.substring(0, table.indexOf("\n\n"));
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            Set<String> mapped = new LinkedHashSet<>();
            if (!row.group(2).strip().startsWith("nothing")) {
                Matcher name = NAME.matcher(row.group(2));
                while (name.find()) {
                    mapped.add(name.group(1));
                }
            }
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                rows.put(name.group(1), mapped);
            }
        }
        return rows;
    }
}
