package org.roomgate.consent;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a participant may do in a conference (R2). The first eight are granted by consent and
 * offered by rooms; MODERATE comes only with the teacher role. There is deliberately no
 * recording capability (R5).
 */
public enum Capability {
    VIDEO, AUDIO, CHAT, SCREEN_SHARE, WHITEBOARD, FILES, POLLS, STATUS, MODERATE;

    /** The capabilities a consent can cover and a room can offer. */
    public static final Set<Capability> CONSENTABLE = EnumSet.complementOf(EnumSet.of(MODERATE));
}
