package org.roomgate.backend;

import java.util.List;

import org.roomgate.problem.Problem;

/**
 * The connection check of one kind of backend: calls the configured server as roomgate will,
 * with the stored secret, and says per item what works. A failed item ends the check with its
 * own problem type ({@link ConnectionCheck.Items#fail}).
 */
public interface BackendCheck {

    BackendKind kind();

    /** Every call goes through {@code probe}, which bounds the check as a whole. */
    List<Problem.Check> check(BackendSettings settings, ConnectionCheck.Request request, Probe probe);
}
