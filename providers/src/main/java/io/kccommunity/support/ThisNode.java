package io.kccommunity.support;

import java.lang.management.ManagementFactory;

/** This node's name in our logs and leases: process id and host, as the JVM gives them ({@code pid@host}). */
public final class ThisNode {

    public static final String NAME = ManagementFactory.getRuntimeMXBean().getName();

    private ThisNode() {
    }
}
