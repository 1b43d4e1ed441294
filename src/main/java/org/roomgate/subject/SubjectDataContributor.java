package org.roomgate.subject;

/**
 * A feature that stores data about subjects takes part in the subject's export and erasure
 * (GDPR Art. 15 and 17) by implementing this; {@link SubjectService} collects all of them.
 */
public interface SubjectDataContributor {

    /** The key of this feature's data in the export and of its count in the erasure result. */
    String name();

    /** Everything this feature stores about the subject, as JSON-serialisable data. */
    Object export(String tenantId, String subjectId);

    /**
     * What operations may read of it: metadata, never content. The provider touches pupils'
     * content only on the school's instruction, so an ops key gets counts where the school's
     * own export gets the content. Features without content export the same.
     */
    default Object exportMetadata(String tenantId, String subjectId) {
        return export(tenantId, subjectId);
    }

    /** Deletes everything this feature stores about the subject; returns how many records. */
    long erase(String tenantId, String subjectId);
}
