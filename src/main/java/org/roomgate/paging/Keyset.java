package org.roomgate.paging;

import java.util.UUID;

import io.quarkus.panache.common.Parameters;

/**
 * The JPQL condition "after the row with id :after" for a list ordered by a column and then the
 * id, so that every entity pages the same way: rows with a later value, or the same value and a
 * greater id (or earlier and smaller, for a list newest first).
 */
public final class Keyset {

    public static final String PARAMETER = "after";

    private Keyset() {
    }

    /**
     * The condition, and after it (when {@code after} is given) the keyset condition, whose
     * parameter is added to {@code parameters}.
     */
    public static String where(String condition, Parameters parameters, String entity, String column, boolean descending,
            UUID after) {
        if (after == null) {
            return condition;
        }
        parameters.and(PARAMETER, after);
        return condition + " and " + after(entity, column, descending);
    }

    public static String after(String entity, String column, boolean descending) {
        String value = "(select k." + column + " from " + entity + " k where k.id = :" + PARAMETER + ")";
        String beyond = descending ? " < " : " > ";
        return "(" + column + beyond + value + " or (" + column + " = " + value + " and id" + beyond + ":" + PARAMETER + "))";
    }
}
