package org.roomgate.consent;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.subject.SubjectDataContributor;

/** The consent history in a subject's export and erasure. */
@ApplicationScoped
public class ConsentSubjectData implements SubjectDataContributor {

    private final ConsentService consents;

    ConsentSubjectData(ConsentService consents) {
        this.consents = consents;
    }

    @Override
    public String name() {
        return "consents";
    }

    @Override
    public Object export(String tenantId, String subjectId) {
        return consents.history(tenantId, subjectId);
    }

    @Override
    public long erase(String tenantId, String subjectId) {
        return consents.erase(tenantId, subjectId);
    }
}
