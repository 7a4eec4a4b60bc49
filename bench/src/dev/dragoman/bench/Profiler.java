package dev.dragoman.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench/run --profile PHASE}: async-profiler on the shared Dragoman JVM over the measured part of one phase
 * (overhead: the rounds after the warm-up; saturation: the file from its drop to its output; kafka: the whole phase),
 * started and stopped from the bench through jcmd ({@code JVMTI.agent_load} loads the agent and hands it each
 * command), so that start-up and warm-up, which a profiler started with the JVM would mix in, stay out. One agent
 * session samples one event into a flame graph (only its JFR output takes several, and turning that into flame graphs
 * needs async-profiler's converter, which its Maven artifact lacks), so bench/run runs the phase twice, each time in a
 * bench of its own with a fresh Dragoman, and this class does one of the two:
 * <ul>
 * <li>{@code cpu}: the cpu event (perf events), or {@code itimer} where the kernel does not let this user have those
 * (perf_event_paranoid), a sample per millisecond of CPU: {@code profile-PHASE-cpu.html}, the stacks folded in
 * {@code profile-PHASE-cpu.collapsed}, and the top frames by self and by total samples and the samples by library
 * in {@code profile-PHASE-cpu-top.txt}. Nothing else is attached, so nothing else is in the samples;</li>
 * <li>{@code alloc}: the alloc event (a sample every 512 KB allocated), in bytes: {@code profile-PHASE-alloc.html};
 * with it a JDK Flight Recording over the same span ({@code settings=profile}: collections, locks, threads, I/O, method
 * samples) in {@code profile-PHASE.jfr}, for JDK Mission Control or {@code jfr print}.</li>
 * </ul>
 */
final class Profiler {

    /** An agent loaded after start needs these to place samples in inlined methods (async-profiler's advice). */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints");
    private static final Path DIR = Path.of("target", "bench");
    private static final int TOP = 40;
    /**
     * Libraries by the package prefix of their frames (async-profiler writes classes with slashes), in the order they
     * are tried; a frame of none of them is the JDK's or another library's.
     */
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("dev/dragoman/", "Dragoman");
        LIBRARIES.put("org/apache/camel/", "Camel");
        LIBRARIES.put("org/apache/hc/", "Apache HttpClient");
        LIBRARIES.put("io/vertx/", "Vert.x and Netty");
        LIBRARIES.put("io/netty/", "Vert.x and Netty");
        LIBRARIES.put("com/fasterxml/", "Jackson");
        LIBRARIES.put("io/micrometer/", "Micrometer");
        LIBRARIES.put("io/github/resilience4j/", "Resilience4j");
        LIBRARIES.put("org/apache/kafka/", "Kafka client");
        LIBRARIES.put("org/apache/logging/", "Log4j");
    }

    final String phase;
    private final String event;
    private final Path library;
    private final long pid;
    /** What the cpu pass sampled: cpu, or itimer when perf events were refused. */
    private String sampled;

    Profiler(String phase, String event, Path library, long pid) {
        this.phase = phase;
        this.event = event;
        this.library = library.toAbsolutePath();
        this.pid = pid;
    }

    void start() throws IOException, InterruptedException {
        if (event.equals("alloc")) {
            sampled = "alloc";
            agent("start,event=alloc");
            jcmd("Started recording", "JFR.start", "name=bench", "settings=profile");
        } else if (tryAgent("start,event=cpu,interval=1ms")) {
            sampled = "cpu";
        } else {
            Bench.progress("profile: perf events refused (see /proc/sys/kernel/perf_event_paranoid), itimer instead");
            sampled = "itimer";
            agent("start,event=itimer,interval=1ms");
        }
        Bench.progress("profile: " + phase + ", " + sampled + " (Dragoman pid " + pid + ")");
    }

    void stop() throws IOException, InterruptedException {
        if (event.equals("alloc")) {
            agent("stop,total,file=" + file("alloc.html"));
            jcmd("written to", "JFR.stop", "name=bench",
                    "filename=" + DIR.resolve("profile-" + phase + ".jfr").toAbsolutePath());
            return;
        }
        Path collapsed = file("cpu.collapsed");
        agent("dump,file=" + collapsed);
        agent("stop,file=" + file("cpu.html"));
        Files.write(file("cpu-top.txt"), top(collapsed), StandardCharsets.UTF_8);
    }

    private Path file(String suffix) {
        return DIR.resolve("profile-" + phase + "-" + suffix).toAbsolutePath();
    }

    private void agent(String command) throws IOException, InterruptedException {
        if (!tryAgent(command)) {
            throw new IllegalStateException("async-profiler refused " + command + "; Dragoman's console says why");
        }
    }

    /** One command to the agent, loading it the first time; false when it refused (it says why on Dragoman's console). */
    private boolean tryAgent(String command) throws IOException, InterruptedException {
        // quoted, or the diagnostic command's parser cuts the agent's options at the first comma
        return jcmd("return code", "JVMTI.agent_load", library.toString(), "\"" + command + "\"")
                .contains("return code: 0");
    }

    /** Runs jcmd on Dragoman; its exit code is 0 whatever the command did, so its answer must hold {@code expected}. */
    private String jcmd(String expected, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0 || !output.contains(expected)) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
        return output;
    }

    /** The top frames by self samples (the frame on top of the stack) and by total (anywhere on it). */
    private List<String> top(Path collapsed) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
        long samples = 0;
        for (String stack : Files.readAllLines(collapsed, StandardCharsets.UTF_8)) {
            int space = stack.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long count = Long.parseLong(stack.substring(space + 1));
            String[] frames = stack.substring(0, space).split(";");
            samples += count;
            self.merge(frames[frames.length - 1], count, Long::sum);
            // a recursive frame counts once per sample
            Set<String> seen = new HashSet<>(List.of(frames));
            seen.forEach(frame -> total.merge(frame, count, Long::sum));
            libraries.merge(library(frames), count, Long::sum);
        }
        List<String> lines = new ArrayList<>();
        lines.add("# the Dragoman JVM's CPU during the " + phase + " phase's measured part: " + samples + " samples ("
                + sampled + ", 1 ms), written by bench/run --profile " + phase);
        lines.add("# flame graph: profile-" + phase + "-cpu.html; stacks: profile-" + phase + "-cpu.collapsed");
        table(lines, "self", self, samples);
        table(lines, "total", total, samples);
        table(lines, "library", libraries, samples);
        return lines;
    }

    /**
     * Whose work a sample is: the library of the innermost frame that belongs to one (the JDK's collections, strings
     * and system calls count for the library that called them), else the JDK's or another library's Java code, else
     * the JVM's own threads (the JIT compilers, the collector).
     */
    private static String library(String[] frames) {
        boolean java = false;
        for (int i = frames.length - 1; i >= 0; i--) {
            for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
                if (frames[i].startsWith(library.getKey())) {
                    return library.getValue();
                }
            }
            java |= frames[i].indexOf('/') > 0 && !frames[i].endsWith("_[k]");
        }
        return java ? "JDK and other Java code" : "JVM (JIT compilers, collector, VM threads)";
    }

    private static void table(List<String> lines, String kind, Map<String, Long> counts, long samples) {
        lines.add("");
        lines.add("# top " + TOP + " by " + kind + " samples");
        lines.add(String.format("%7s %8s  %s", kind + "%", kind, "frame"));
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).limit(TOP)
                .forEach(e -> lines.add(String.format("%6.2f%% %8d  %s", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getValue(), e.getKey())));
    }
}
