package org.roomgate.backend;

/** The conference backends a tenant can run its conferences on. */
public enum BackendKind {
    /** roomgate's own join token and content endpoints only. */
    NATIVE,
    BIGBLUEBUTTON,
    LIVEKIT,
    JITSI
}
