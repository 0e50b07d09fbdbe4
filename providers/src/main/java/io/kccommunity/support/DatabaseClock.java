package io.kccommunity.support;

import jakarta.persistence.EntityManager;

/** The database's clock, which every node of a cluster shares (the nodes' own clocks may disagree). */
public final class DatabaseClock {

    private DatabaseClock() {
    }

    /** Epoch milliseconds (on PostgreSQL: when the transaction began). */
    public static long now(EntityManager em) {
        // "instant", not current_timestamp: Hibernate renders current_timestamp as the session's local time on some databases
        return em.createQuery("select cast(extract(epoch from instant) * 1000 as Long)", Long.class).getSingleResult();
    }
}
