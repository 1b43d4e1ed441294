package org.roomgate.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.roomgate.paging.Keyset;

import io.quarkus.panache.common.Parameters;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One record of a subject's consent history: a grant or a withdrawal. Never updated. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    public enum Kind {
        GRANT, WITHDRAWAL
    }

    @Id
    public UUID id;

    /** Assigned by the database; orders a subject's records. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String tenantId;

    public String subjectId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String policyVersion;

    public String grantedByName;

    @Enumerated(EnumType.STRING)
    public Relation grantedByRelation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] scopes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] purposes;

    public LocalDate validUntil;

    public Instant recordedAt;

    public boolean isWithdrawal() {
        return kind == Kind.WITHDRAWAL;
    }

    public static Optional<Consent> latest(String tenantId, String subjectId) {
        return find("tenantId = ?1 and subjectId = ?2 order by seq desc", tenantId, subjectId).firstResultOptional();
    }

    /** A page of the subject's history, oldest first, after the record with the given id (null: from the start). */
    public static List<Consent> historyPage(String tenantId, String subjectId, UUID after, int rows) {
        Parameters parameters = Parameters.with("tenant", tenantId).and("subject", subjectId);
        String query = "tenantId = :tenant and subjectId = :subject";
        if (after != null) {
            query += " and seq > (select k.seq from Consent k where k.id = :" + Keyset.PARAMETER + ")";
            parameters.and(Keyset.PARAMETER, after);
        }
        return Consent.<Consent>find(query + " order by seq", parameters).page(0, rows).list();
    }

    public static long deleteOfSubject(String tenantId, String subjectId) {
        return delete("tenantId = ?1 and subjectId = ?2", tenantId, subjectId);
    }
}
