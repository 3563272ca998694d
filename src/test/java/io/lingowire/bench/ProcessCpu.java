package io.lingowire.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time (user + system, from {@code /proc}) between laps of the gateway's JVM, of its JIT compiler threads and
 * busiest thread groups, and of a second process tree: the APy server with its Apertium pipeline processes, or the
 * benchmark's own JVM. Linux only; without the gateway's pid it measures nothing.
 */
final class ProcessCpu {

    private final long server;
    private final long other;
    private double[] last;
    /** CPU seconds per gateway thread group (name without numbers) at the last lap but one, and at the last. */
    private Map<String, Double> threadsBefore = Map.of();
    private Map<String, Double> threadsAtLap = Map.of();

    /** @param otherPid the root of the second process tree, or null */
    ProcessCpu(String serverPid, String otherPid) {
        this.server = serverPid == null ? -1 : Long.parseLong(serverPid);
        this.other = otherPid == null ? -1 : Long.parseLong(otherPid);
        this.last = now();
    }

    boolean known() {
        return server > 0;
    }

    /** Seconds of CPU since the last lap: gateway, the second tree, gateway JIT compiler threads. */
    double[] lap() {
        threadsBefore = threadsAtLap;
        threadsAtLap = threads();
        double[] now = now();
        double[] spent = {now[0] - last[0], now[1] - last[1], now[2] - last[2]};
        last = now;
        return spent;
    }

    /** The gateway's thread groups that took the most CPU between the last two laps, in ms per item. */
    Map<String, Double> threadsSinceLap(long items) {
        Map<String, Double> spent = new java.util.LinkedHashMap<>();
        threadsAtLap.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .forEach(e -> spent.put(e.getKey(), e.getValue() * 1000 / items));
        return spent;
    }

    private Map<String, Double> threads() {
        Map<String, Double> byGroup = new HashMap<>();
        java.io.File[] tasks = new java.io.File("/proc/" + server + "/task").listFiles();
        for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
            try {
                String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).strip()
                        .replaceAll("[0-9]+", "#");
                byGroup.merge(name, seconds(task.toPath().resolve("stat").toString()), Double::sum);
            } catch (java.io.IOException gone) {
                // a thread that ended between listing and reading
            }
        }
        return byGroup;
    }

    private double[] now() {
        if (!known()) {
            return new double[3];
        }
        double tree = other > 0 ? seconds("/proc/" + other + "/stat") : 0;
        for (ProcessHandle child : ProcessHandle.of(other).map(p -> p.descendants().toList()).orElse(List.of())) {
            tree += seconds("/proc/" + child.pid() + "/stat");
        }
        double compiler = 0;
        java.io.File[] tasks = new java.io.File("/proc/" + server + "/task").listFiles();
        for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
            try {
                String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).strip();
                if (name.contains("CompilerThre")) {
                    compiler += seconds(task.toPath().resolve("stat").toString());
                }
            } catch (java.io.IOException gone) {
                // a thread that ended between listing and reading
            }
        }
        return new double[]{seconds("/proc/" + server + "/stat"), tree, compiler};
    }

    /**
     * utime + stime of a /proc stat file, with cutime + cstime (the CPU of children that ended and were waited
     * for: APy restarts its pipelines), in seconds (clock ticks of 1/100 s).
     */
    private static double seconds(String stat) {
        try {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of(stat));
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14])) / 100.0;
        } catch (java.io.IOException | RuntimeException gone) {
            return 0;
        }
    }
}
