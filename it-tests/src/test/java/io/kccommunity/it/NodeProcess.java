package io.kccommunity.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Keycloak node's processes: the launcher script and the JVM it starts, stopped, killed or signalled together. */
record NodeProcess(Process process) {

    /** Asks every process of the node to end; forces those that have not after 30 seconds. */
    void stop() {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL to every process of the node. */
    void kill() throws InterruptedException {
        tree().forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
    }

    List<Long> pids() {
        return tree().stream().map(ProcessHandle::pid).toList();
    }

    void signal(String signal) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids().forEach(pid -> command.add(Long.toString(pid)));
        if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree;
    }
}
