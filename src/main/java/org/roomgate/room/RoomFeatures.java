package org.roomgate.room;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.roomgate.consent.Capability;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

/** Reads a room's feature list, where any form of recording is a policy violation, not a typo (R5). */
final class RoomFeatures {

    private RoomFeatures() {
    }

    static Set<Capability> parse(List<String> features) {
        if (features == null) {
            return EnumSet.copyOf(Capability.CONSENTABLE);
        }
        EnumSet<Capability> parsed = EnumSet.noneOf(Capability.class);
        for (int i = 0; i < features.size(); i++) {
            String feature = features.get(i);
            if (isRecording(feature)) {
                throw recordingProhibited();
            }
            Capability capability = Capability.CONSENTABLE.stream()
                    .filter(c -> c.name().equals(feature)).findFirst()
                    .orElseThrow(() -> DomainException.invalid("features", "must contain only "
                            + Capability.CONSENTABLE + "; MODERATE comes with the teacher role"));
            parsed.add(capability);
        }
        return parsed;
    }

    /** Whether a room request asks to record, by the flag or by a feature. */
    static boolean asksToRecord(Boolean recording, List<String> features) {
        return Boolean.TRUE.equals(recording) || features != null && features.stream().anyMatch(RoomFeatures::isRecording);
    }

    private static boolean isRecording(String feature) {
        return feature != null && feature.toUpperCase().startsWith("RECORD");
    }

    /**
     * What a participant may do: what its consent or role allows, as far as the room offers it
     * (R2). Moderation is the role's, not a room feature.
     */
    static Set<Capability> effective(Set<Capability> allowed, Set<Capability> roomFeatures) {
        EnumSet<Capability> effective = EnumSet.noneOf(Capability.class);
        for (Capability c : allowed) {
            if (c == Capability.MODERATE || roomFeatures.contains(c)) {
                effective.add(c);
            }
        }
        return effective;
    }

    static Set<Capability> fromColumn(String[] column) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        for (String name : column) {
            set.add(Capability.valueOf(name));
        }
        return set;
    }

    static String[] toColumn(Set<Capability> features) {
        return features.stream().map(Enum::name).toArray(String[]::new);
    }

    static DomainException recordingProhibited() {
        return new DomainException(ProblemType.RECORDING_PROHIBITED,
                "Conferences are never recorded: the school's policy forbids recording by anyone.", "R5");
    }
}
