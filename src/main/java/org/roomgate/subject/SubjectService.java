package org.roomgate.subject;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.roomgate.locking.AdmissionLocks;

import io.quarkus.arc.All;

/** Export and erasure of all that roomgate stores about one subject, across features. */
@ApplicationScoped
@Transactional
public class SubjectService {

    private static final Logger LOG = Logger.getLogger(SubjectService.class);

    private final List<SubjectDataContributor> contributors;
    private final AdmissionLocks locks;

    SubjectService(@All List<SubjectDataContributor> contributors, AdmissionLocks locks) {
        this.locks = locks;
        this.contributors = contributors.stream().sorted(Comparator.comparing(SubjectDataContributor::name)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> export(String tenantId, String subjectId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subjectId", subjectId);
        contributors.forEach(c -> data.put(c.name(), c.export(tenantId, subjectId)));
        return data;
    }

    /**
     * Erases the subject in one transaction: all of it, or nothing. The subject's lock comes
     * first, before any contributor reads, so no join or consent change of the subject runs
     * between the contributors (lock order: AdmissionLocks).
     */
    public Map<String, Long> erase(String tenantId, String subjectId) {
        locks.subject(tenantId, subjectId);
        Map<String, Long> deleted = new LinkedHashMap<>();
        contributors.forEach(c -> deleted.put(c.name(), c.erase(tenantId, subjectId)));
        LOG.infof("Subject of tenant %s erased: %s", tenantId, deleted);
        return deleted;
    }
}
