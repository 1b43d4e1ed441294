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

    public static List<Tenant> listOrdered() {
        return list("order by id");
    }
}
