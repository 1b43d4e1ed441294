package org.roomgate.consent;

/** The purposes of a conference the policy names (R3). */
public enum Purpose {
    LESSON, SMALL_GROUP, ONE_TO_ONE
}
