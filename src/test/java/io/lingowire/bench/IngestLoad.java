package io.lingowire.bench;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Ingest throughput benchmark, run by {@code src/test/bench/ingest-bench.sh}: the same mixed corpus, the same number
 * of client threads, for the same time, first through bare Apache Tika (AutoDetectParser to plain text, in this
 * JVM), then through the running gateway's full ingest path (HTTP, auth, detection, structure, dateline and
 * attribution, language per block, storage). Prints documents/s for both and their ratio.
 */
public final class IngestLoad {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("pdf", "application/pdf"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("doc", "application/msword"), Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("rtf", "application/rtf"), Map.entry("epub", "application/epub+zip"));

    record Doc(String name, String type, byte[] bytes, boolean text) {
    }

    public static void main(String[] args) throws Exception {
        String url = arg(args, "--url", "http://localhost:18080");
        String token = arg(args, "--token", null);
        Path corpus = Path.of(arg(args, "--corpus", "src/test/resources/fixtures"));
        int seconds = Integer.parseInt(arg(args, "--seconds", "30"));
        int warmup = Integer.parseInt(arg(args, "--warmup", "15"));
        int threads = Integer.parseInt(arg(args, "--threads", "2"));
        List<Doc> docs = corpus(corpus);
        System.out.printf(Locale.ROOT, "corpus: %d documents, %d bytes, from %s; %d threads, %d s warm-up, %d s measured%n",
                docs.size(), docs.stream().mapToLong(d -> d.bytes().length).sum(), corpus, threads, warmup, seconds);

        Parser tika = new AutoDetectParser();
        Worker bare = (doc, n) -> {
            try (TikaInputStream in = TikaInputStream.get(doc.bytes())) {
                tika.parse(in, new BodyContentHandler(-1), new Metadata(), new ParseContext());
            }
            return true;
        };
        boolean skipBare = List.of(args).contains("--skip-bare");
        ProcessCpu cpu = new ProcessCpu(arg(args, "--server-pid", null), String.valueOf(ProcessHandle.current().pid()));
        double tikaRate = Double.NaN;
        double[] bareCpu = null;
        long bareDocs = 0;
        if (!skipBare) {
            run("bare Tika (warm-up)", docs, threads, warmup, bare);
            cpu.lap();
            tikaRate = run("bare Tika", docs, threads, seconds, bare);
            bareCpu = cpu.lap();
            bareDocs = Math.round(tikaRate * seconds);
        }

        HttpClient http = HttpClient.newHttpClient();
        Worker gateway = (doc, n) -> {
            byte[] body = doc.bytes();
            if (doc.text() && !doc.type().contains("json") && !doc.type().contains("xml")) {
                // text copies are made new each time so every request also pays for storing a new article
                body = (new String(body, StandardCharsets.UTF_8) + "\n\nBenchmark copy " + n + ".")
                        .getBytes(StandardCharsets.UTF_8);
            }
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/articles?filename="
                            + doc.name())).header("Authorization", "Bearer " + token).header("Content-Type", doc.type())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 || response.statusCode() == 201;
        };
        run("gateway ingest (warm-up)", docs, threads, warmup, gateway);
        cpu.lap();
        double gatewayRate = run("gateway ingest", docs, threads, seconds, gateway);
        double[] gatewayCpu = cpu.lap();
        long gatewayDocs = Math.round(gatewayRate * seconds);
        System.out.printf(Locale.ROOT, "RESULT bare_tika=%.1f docs/s gateway=%.1f docs/s ratio=%.2f (target >= 0.60)%n",
                tikaRate, gatewayRate, gatewayRate / tikaRate);
        if (cpu.known() && bareCpu != null) {
            System.out.printf(Locale.ROOT, "CPU per document: bare Tika %.2f ms (this JVM); gateway %.2f ms (of which JIT "
                            + "compiler %.2f ms) + this JVM sending %.2f ms%n", bareCpu[1] * 1000 / bareDocs,
                    gatewayCpu[0] * 1000 / gatewayDocs, gatewayCpu[2] * 1000 / gatewayDocs,
                    gatewayCpu[1] * 1000 / gatewayDocs);
            double beyond = (gatewayCpu[0] - gatewayCpu[2]) * 1000 / gatewayDocs - bareCpu[1] * 1000 / bareDocs;
            System.out.printf(Locale.ROOT, "RESULT gateway CPU per document beyond bare Tika, JIT excluded: %.2f ms "
                    + "(target <= 1.5)%n", beyond);
            System.out.print("  gateway threads, ms per document:");
            cpu.threadsSinceLap(gatewayDocs).forEach((name, ms) -> System.out.printf(Locale.ROOT, " %s %.2f;", name, ms));
            System.out.println();
        }
    }

    interface Worker {
        boolean handle(Doc doc, long n) throws Exception;
    }

    private static double run(String label, List<Doc> docs, int threads, int seconds, Worker worker)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        List<Thread> pool = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    long n = sequence.getAndIncrement();
                    Doc doc = docs.get((int) (n % docs.size()));
                    try {
                        if (worker.handle(doc, n)) {
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            thread.start();
            pool.add(thread);
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread thread : pool) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rate = done.get() / elapsed;
        System.out.printf(Locale.ROOT, "%-26s %8d docs in %5.1f s = %8.1f docs/s (%d failed)%n", label, done.get(),
                elapsed, rate, failed.get());
        return rate;
    }

    private static List<Doc> corpus(Path root) throws IOException {
        List<Doc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                if (file.toString().contains("/bad/") || name.endsWith(".expect.json") || !TYPES.containsKey(ext)) {
                    continue;
                }
                String type = TYPES.get(ext);
                docs.add(new Doc(name, type, Files.readAllBytes(file), type.startsWith("text/") || type.contains("json")
                        || type.contains("xml")));
            }
        }
        if (docs.isEmpty()) {
            throw new IllegalStateException("no documents under " + root);
        }
        return docs;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
