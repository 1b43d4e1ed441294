package org.roomgate.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void shouldAnswerUnreachableDatabaseWithRetryAfter() {
        Response response = mapper.unexpected(new IllegalStateException(new SQLTransientConnectionException("pool exhausted")));
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals(ProblemType.UNAVAILABLE.uri(), ((Problem) response.getEntity()).type());
    }

    @Test
    void shouldNotCallAnOutageDuringAuthenticationAnUnknownKey() {
        Response response = mapper.unauthenticated(new AuthenticationFailedException(
                new IllegalStateException("API key lookup failed", new SQLException("connection refused", "08001"))));
        assertEquals(503, response.getStatus());
        assertEquals(401, mapper.unauthenticated(new AuthenticationFailedException("unknown key")).getStatus());
    }

    @Test
    void shouldHideDetailsOfUnexpectedErrors() {
        Response response = mapper.unexpected(new NullPointerException("secret internals at org.roomgate.Foo"));
        Problem problem = (Problem) response.getEntity();
        assertEquals(500, response.getStatus());
        assertFalse(problem.detail().contains("NullPointerException") || problem.detail().contains("org.roomgate"));
    }

    @Test
    void shouldTurnRacedUniqueKeyIntoConflict() {
        Response response = mapper.unexpected(new RuntimeException(new SQLException("duplicate key", "23505")));
        assertEquals(409, response.getStatus());
        assertEquals(ProblemType.CONFLICT.uri(), ((Problem) response.getEntity()).type());
    }
}
