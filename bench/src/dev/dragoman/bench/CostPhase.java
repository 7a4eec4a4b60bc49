package dev.dragoman.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The cost phase: what a document costs at the provider line by line, and with batched requests and the translation
 * memory. One fixed document of 1,000 lines (--quick: 100), drawn from a seeded random, sentences of 30 to 120
 * characters, a fifth of its lines repeats of an earlier line, is dropped twice in the same run, each time into a
 * Dragoman of its own on the {@link CostStandIn} (2 keys x 4 in flight both times): first with {@code batch-lines = 1}
 * and the memory off, then with the default batches and the memory on, in a fresh H2 file. The stand-in counts the
 * requests, prompt tokens and texts each run cost. Prints per 1,000 lines {@code cost_line_requests_per_1k_lines}, {@code cost_line_prompt_tokens_per_1k_lines},
 * {@code cost_batch_requests_per_1k_lines} and {@code cost_batch_prompt_tokens_per_1k_lines}; then
 * {@code cost_requests_ratio} (target at least 10), {@code cost_prompt_tokens_saved_pct} (target at least 40),
 * {@code tm_hit_ratio} (the lines of the batched run that never reached the stand-in, answered by the memory, / lines;
 * {@code cost_line_texts_sent}, one per line, shows that the stand-in saw no retries that would blur it) and
 * {@code cost_lines_wrong} (output lines of either run that are not their source's translation; 0 unless the harness
 * is broken).
 */
final class CostPhase {

    private static final Path DIR = Path.of("target", "bench", "cost");
    private static final String[] WORDS = { "der", "die", "das", "und", "nicht", "mit", "für", "auf", "wir", "Sie",
        "eine", "einen", "Bericht", "Kunde", "Vertrag", "Lieferung", "Rechnung", "Übersetzung", "Abteilung",
        "Anfrage", "Termin", "Woche", "morgen", "heute", "bereits", "wieder", "schnell", "genau", "größer", "neue",
        "wichtige", "geprüft", "geschickt", "bestätigt", "verschoben", "besprochen", "wurde", "haben", "sollten",
        "können", "bitte", "leider", "dringend", "zusammen", "Projekt", "Team", "Server", "Datei", "Version",
        "Änderung", "Anhang", "Gespräch", "Angebot", "Preis", "Frist", "nächsten", "letzten", "alle", "noch", "schon" };

    private final int lines;

    CostPhase(boolean quick) {
        this.lines = quick ? 100 : 1_000;
    }

    Map<String, String> run() throws Exception {
        Bench.deleteTree(DIR);
        List<String> document = document(lines, new Random(20261122));
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("cost_lines", String.valueOf(lines));
        try (CostStandIn standIn = new CostStandIn()) {
            Run line = drop("line", document, standIn, Map.of("dragoman.provider.cost.batch-lines", "1",
                    "dragoman.memory.enabled", "false"));
            Run batch = drop("batch", document, standIn, Map.of("dragoman.memory.enabled", "true",
                    "dragoman.memory.url", "jdbc:h2:file:" + DIR.resolve("batch/memory").toAbsolutePath()));
            figures.put("cost_line_requests_per_1k_lines", perThousand(line.requests));
            figures.put("cost_line_prompt_tokens_per_1k_lines", perThousand(line.promptTokens));
            figures.put("cost_batch_requests_per_1k_lines", perThousand(batch.requests));
            figures.put("cost_batch_prompt_tokens_per_1k_lines", perThousand(batch.promptTokens));
            figures.put("cost_requests_ratio", String.format("%.1f", (double) line.requests / batch.requests));
            figures.put("cost_prompt_tokens_saved_pct", String.format("%.1f",
                    100.0 * (line.promptTokens - batch.promptTokens) / line.promptTokens));
            // every line reaches the stand-in once unless the memory answers it: it never fails nor misaligns, so
            // there are no retries and no repairs (the line-by-line run shows it: one text a line)
            figures.put("tm_hit_ratio", String.format("%.3f", (double) (lines - batch.segments) / lines));
            figures.put("cost_line_texts_sent", String.valueOf(line.segments));
            figures.put("cost_lines_wrong", String.valueOf(line.wrong + batch.wrong));
        }
        return figures;
    }

    /** What one drop of the document cost, and what came of it. */
    private record Run(long requests, long promptTokens, long segments, long wrong) {
    }

    private Run drop(String name, List<String> document, CostStandIn standIn, Map<String, String> settings)
            throws Exception {
        Path dir = DIR.resolve(name);
        for (String folder : new String[] { "inbox", "outbox", "failed" }) {
            Files.createDirectories(dir.resolve(folder));
        }
        Path file = dir.resolve("document.txt");
        Files.write(file, document, StandardCharsets.UTF_8);
        standIn.reset();
        try (Bench.DragomanJvm dragoman = Bench.DragomanJvm.start(config(dir, standIn, settings),
                dir.resolve("dragoman-gc.log"))) {
            dragoman.awaitReady(Duration.ofSeconds(120));
            Bench.progress("cost: " + lines + " lines " + (name.equals("line") ? "line by line"
                    : "in batches, with the translation memory") + " (Dragoman pid " + dragoman.pid() + ")");
            Files.move(file, dir.resolve("inbox/document.txt"), StandardCopyOption.ATOMIC_MOVE);
            Path out = dir.resolve("outbox/document.txt");
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!Files.exists(out) && !Files.exists(dir.resolve("failed/document.txt"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<String> translated = Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8) : List.of();
            long wrong = IntStream.range(0, lines).filter(i -> i >= translated.size()
                    || !translated.get(i).equals(CostStandIn.translation(document.get(i)))).count();
            return new Run(standIn.requests.get(), standIn.promptTokens.get(), standIn.segments.get(), wrong);
        }
    }

    /** A user's DRAGOMAN_CONFIG file: one instance on the stand-in, this run's folders. */
    private static Path config(Path dir, CostStandIn standIn, Map<String, String> settings) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.server.port", String.valueOf(Bench.freePort()));
        p.put("dragoman.providers", "cost");
        p.put("dragoman.provider.cost.url", standIn.url());
        p.put("dragoman.provider.cost.dialect", "openai");
        p.put("dragoman.provider.cost.model", "bench");
        p.put("dragoman.provider.cost.keys", "cost-key-1|cost-key-2");
        p.put("dragoman.provider.cost.concurrency", "4");
        for (String folder : new String[] { "inbox", "outbox", "failed" }) {
            p.put("dragoman.file." + folder, dir.resolve(folder).toAbsolutePath().toString());
        }
        p.putAll(settings);
        return Bench.writeConfig(dir.resolve("dragoman-cost.properties"), p);
    }

    /**
     * The document: {@code count} lines of German-like sentences of 30 to 120 characters, all different, except that
     * a fifth of the lines (at places drawn at random, never the first) repeat an earlier line drawn at random.
     */
    static List<String> document(int count, Random random) {
        List<Integer> places = new ArrayList<>(IntStream.range(1, count).boxed().toList());
        Collections.shuffle(places, random);
        Set<Integer> repeats = new HashSet<>(places.subList(0, count / 5));
        Set<String> seen = new HashSet<>();
        List<String> document = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (repeats.contains(i)) {
                document.add(document.get(random.nextInt(i)));
                continue;
            }
            String sentence = sentence(random);
            while (!seen.add(sentence)) {
                sentence = sentence(random);
            }
            document.add(sentence);
        }
        return document;
    }

    private static String sentence(Random random) {
        int length = 30 + random.nextInt(91);
        String first = WORDS[random.nextInt(WORDS.length)];
        StringBuilder sentence = new StringBuilder(Character.toUpperCase(first.charAt(0)) + first.substring(1));
        while (true) {
            String word = WORDS[random.nextInt(WORDS.length)];
            // room for the word, its space and the full stop
            if (sentence.length() + word.length() + 2 > length && sentence.length() + 1 >= 30) {
                return sentence.append('.').toString();
            }
            if (sentence.length() + word.length() + 2 <= 120) {
                sentence.append(' ').append(word);
            }
        }
    }

    private String perThousand(long count) {
        return String.format("%.0f", count * 1000.0 / lines);
    }
}
