package org.roomgate.tenant;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A school instance on the platform (R7: "the unique id of the school's instance"). */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    public Instant createdAt;

    /** A page of tenants by id, after the given id (null: from the start). */
    public static List<Tenant> page(String after, int rows) {
        return (after == null ? Tenant.<Tenant>find("order by id") : Tenant.<Tenant>find("id > ?1 order by id", after))
                .page(0, rows).list();
    }
}
