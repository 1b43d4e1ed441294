package org.roomgate.consent;

/** Who gave a consent: a guardian, or the pupil where the school allows it (R1). */
public enum Relation {
    GUARDIAN, SELF
}
