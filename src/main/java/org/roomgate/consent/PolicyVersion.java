package org.roomgate.consent;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A published version of the school's usage policy; the latest one is current. */
@Entity
@Table(name = "policy_version")
public class PolicyVersion extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public int seq;

    public String title;

    public String url;

    public boolean reconsentRequired;

    public Instant publishedAt;

    public String version() {
        return key.version;
    }

    public static Optional<PolicyVersion> current(String tenantId) {
        return find("key.tenantId = ?1 order by seq desc", tenantId).firstResultOptional();
    }

    public static Optional<PolicyVersion> findVersion(String tenantId, String version) {
        return findByIdOptional(new Key(tenantId, version));
    }

    /**
     * The publication number from which on consents count: that of the latest version that
     * required re-consent (0 if none did).
     */
    public static int reconsentFloor(String tenantId) {
        Integer floor = find("select max(seq) from PolicyVersion where key.tenantId = ?1 and reconsentRequired = true",
                tenantId).project(Integer.class).firstResult();
        return floor == null ? 0 : floor;
    }

    @Embeddable
    public static class Key implements Serializable {
        public String tenantId;
        public String version;

        public Key() {
        }

        public Key(String tenantId, String version) {
            this.tenantId = tenantId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && tenantId.equals(k.tenantId) && version.equals(k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, version);
        }
    }
}
