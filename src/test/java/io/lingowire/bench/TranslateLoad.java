package io.lingowire.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translation benchmark, run by {@code src/test/bench/translate-bench.sh}: the same generated articles (about 2,000
 * characters each, sentences that never repeat, so the translation memory cannot help) sent straight to an Apertium
 * APy server with as many client threads as the gateway has job threads, then translated through the gateway
 * (queue, segmentation, protection, memory look-up, APy, checks, storage); articles/s for both and their ratio.
 * Before either is timed, other articles go both ways untimed ({@code --warmup}), as a JMH warm-up would: on two
 * cores the JIT compiler of a cold gateway otherwise takes the CPU that the Apertium pipeline needs.
 * Then one article is re-translated many times, every sentence a memory hit: the gateway's own timer
 * ({@code lingowire.translation.duration}, from="memory") gives the median and p99, beside the client's view of
 * request-to-done (which adds the queue pick-up).
 */
public final class TranslateLoad {

    private static final String[] ADJ = {"new", "old", "large", "small", "local", "regional", "national", "rural",
            "public", "private", "main", "northern", "southern", "eastern", "western", "busy", "quiet", "central"};
    private static final String[] NOUN = {"school", "hospital", "market", "road", "bridge", "clinic", "office",
            "station", "airport", "farm", "factory", "library", "court", "museum", "park", "river", "village",
            "council", "company", "union", "army", "police", "teacher", "doctor", "farmer", "minister", "governor"};
    private static final String[] VERB = {"opened", "closed", "repaired", "visited", "inspected", "announced",
            "rebuilt", "protected", "supported", "criticised", "welcomed", "funded", "moved", "expanded"};
    private static final String[] PLACE = {"Kabul", "Herat", "Balkh", "Kandahar", "Kunduz", "Bamyan", "Ghazni",
            "Helmand", "Badakhshan", "Nangarhar", "Paktia", "Logar", "Parwan", "Takhar", "Faryab"};
    private static final String[] WHEN = {"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
            "last week", "this month", "in the morning", "after the storm", "before the winter"};

    /** The most warm-up rounds after APy direct. */
    private static final int REWARM_ROUNDS = 4;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = a.get("url");
        String token = a.get("token");
        String apy = a.get("apy");
        int count = Integer.parseInt(a.getOrDefault("articles", "40"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "4"));
        int repeats = Integer.parseInt(a.getOrDefault("retranslations", "200"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Random random = new Random(Long.parseLong(a.getOrDefault("seed", "42")));
        int warmMax = Integer.parseInt(a.getOrDefault("warmup", "4000"));
        int round = Integer.parseInt(a.getOrDefault("warmup-round", "250"));
        double settledJitMs = Double.parseDouble(a.getOrDefault("settled-jit-ms", "2"));
        List<Integer> concurrencies = new ArrayList<>(new java.util.TreeSet<>(List.of(1, 2, threads)));
        List<String> measured = articles(random, 0, count + 1);
        String spare = measured.remove(count);
        System.out.printf("%d articles of %d characters on average, %d gateway job threads%n", count,
                measured.stream().mapToInt(String::length).sum() / count, threads);
        ProcessCpu cpu = new ProcessCpu(a.get("server-pid"), a.get("apy-pid"));

        // warm-up, untimed: APy's pipelines start on their first request; the gateway is warmed in rounds until its
        // JIT compiler takes less than settled-jit-ms of CPU per article (as JMH runs warm-up iterations), since on
        // two cores a compiler still at work takes the CPU the Apertium pipeline needs
        List<String> warmDirect = articles(random, count + 1, 100);
        for (int c : concurrencies) {
            direct(http, apy, warmDirect, c);
        }
        int warmed = round * warmUntilSettled(http, url, token, cpu, settledJitMs, (warmMax + round - 1) / round,
                r -> ingest(http, url, token, articles(random, count + 1000 + r * round, round)), "");
        List<String> ids = ingest(http, url, token, measured);
        String again = ingest(http, url, token, List.of(spare)).get(0);
        // the gateway sits idle while APy is measured; afterwards it is warmed again the same way, in up to
        // REWARM_ROUNDS rounds (stored now, so that storing them does not run beside APy)
        List<List<String>> rewarmRounds = new ArrayList<>();
        for (int r = 0; r < REWARM_ROUNDS; r++) {
            rewarmRounds.add(ingest(http, url, token, articles(random, count + 1000 + warmed + r * round, round)));
        }

        // 1. straight to APy, at each client concurrency: APy serves one pipeline per pair, and once more than two
        // requests share it, it cuts every text into pieces of 1,000 characters, so fewer clients can be faster
        Map<Integer, Double> directRates = new java.util.TreeMap<>();
        Map<Integer, double[]> directCpu = new HashMap<>();
        cpu.lap();
        for (int c : concurrencies) {
            directRates.put(c, count / direct(http, apy, measured, c));
            directCpu.put(c, cpu.lap());
        }
        int best = directRates.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        // 2. through the gateway, after more untimed rounds until its compiler is settled again: idle while APy was
        // measured, the gateway otherwise starts with its compiler recompiling what went cold (4-5 ms of JIT per
        // article in the first round after, instead of 1-2)
        warmUntilSettled(http, url, token, cpu, settledJitMs, REWARM_ROUNDS, rewarmRounds::get, " after APy direct");
        double gatewaySeconds = throughGateway(http, url, token, ids);
        double[] gatewayCpu = cpu.lap();
        Map<String, Double> gatewayThreads = cpu.threadsSinceLap(count);
        // 1 again, at the best concurrency, so that a drift of the machine during the run does not favour the gateway
        double bestAfter = count / direct(http, apy, measured, best);
        double baseline = Math.max(directRates.get(best), bestAfter);
        double gatewayRate = count / gatewaySeconds;
        directRates.forEach((c, rate) -> System.out.printf("APy direct, %d client%s: %7.2f articles/s   (APy CPU %.1f "
                + "ms per article)%n", c, c == 1 ? " " : "s", rate, directCpu.get(c)[1] * 1000 / count));
        System.out.printf("APy direct, %d client%s, again after the gateway: %.2f articles/s%n", best,
                best == 1 ? "" : "s", bestAfter);
        System.out.printf("gateway + APy (%d job threads): %7.2f articles/s (%.1f s)%n", threads, gatewayRate,
                gatewaySeconds);
        System.out.printf("ratio gateway / APy direct at its best (%.2f articles/s): %.2f   (target >= 0.9)%n",
                baseline, gatewayRate / baseline);
        System.out.printf("ratio gateway / APy direct with as many clients as job threads: %.2f%n",
                gatewayRate / directRates.get(threads));
        if (cpu.known() && a.containsKey("apy-pid")) {
            System.out.printf("CPU per article, via gateway: APy %.1f ms, gateway %.1f ms (of which JIT compiler "
                    + "%.1f ms)%n", gatewayCpu[1] * 1000 / count, gatewayCpu[0] * 1000 / count,
                    gatewayCpu[2] * 1000 / count);
            System.out.print("  gateway threads, ms per article:");
            gatewayThreads.forEach((name, ms) -> System.out.printf(" %s %.1f;", name, ms));
            System.out.println();
        }

        // 3. a full memory hit: the spare article, translated once, then again and again
        request(http, url, token, again);
        awaitAll(http, url, token, List.of(again), Map.of());
        long[] clientNanos = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            String before = get(http, url + "/api/v1/articles/" + again + "/translations/es", token);
            long t0 = System.nanoTime();
            request(http, url, token, again);
            awaitAll(http, url, token, List.of(again), Map.of(again, field(before, "updatedAt")));
            clientNanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(clientNanos);
        String metrics = get(http, url + "/q/metrics", null);
        System.out.printf("  one article through the gateway, revision read to result stored (from=provider): median %s ms%n",
                quantile(metrics, "provider", "0.5"));
        System.out.printf("memory-hit re-translation of a %d-character article, %d runs:%n", spare.length(),
                repeats);
        System.out.printf("  in the gateway (lingowire.translation.duration, from=memory): median %s ms, p99 %s ms"
                + "   (target median <= 10 ms)%n", quantile(metrics, "0.5"), quantile(metrics, "0.99"));
        System.out.printf("  client, request to done (adds queue pick-up and polling): median %.1f ms%n",
                clientNanos[repeats / 2] / 1e6);
    }

    /** The stored articles of warm-up round {@code r} (from 0). */
    @FunctionalInterface
    private interface Round {
        List<String> ids(int r) throws Exception;
    }

    /**
     * Translates rounds of stored articles through the gateway, untimed, until its JIT compiler takes less than
     * {@code settledJitMs} of CPU per article or {@code maxRounds} have run; how many ran.
     */
    private static int warmUntilSettled(HttpClient http, String url, String token, ProcessCpu cpu, double settledJitMs,
                                        int maxRounds, Round round, String label) throws Exception {
        for (int r = 0; r < maxRounds; r++) {
            List<String> ids = round.ids(r);
            cpu.lap();
            double seconds = throughGateway(http, url, token, ids);
            double jitMs = cpu.lap()[2] * 1000 / ids.size();
            System.out.printf("  warm-up round %d%s: %.1f articles/s through the gateway, JIT compiler %.1f ms per "
                    + "article%n", r + 1, label, ids.size() / seconds, jitMs);
            if (jitMs < settledJitMs) {
                return r + 1;
            }
        }
        return maxRounds;
    }

    /** {@code n} generated articles, numbered from {@code first}. */
    private static List<String> articles(Random random, int first, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(article(random, first + i));
        }
        return out;
    }

    /** Stores each text as an article (plain text, not timed); their ids in order. */
    private static List<String> ingest(HttpClient http, String url, String token, List<String> texts) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String text : texts) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/articles"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
            ids.add(field(r.body(), "id"));
        }
        return ids;
    }

    /** Sends each text to APy's {@code /translate} from {@code threads} threads; seconds until all came back. */
    private static double direct(HttpClient http, String apy, List<String> texts, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (String text : texts) {
            done.add(pool.submit(() -> {
                String body = "langpair=" + URLEncoder.encode("eng|spa", StandardCharsets.UTF_8) + "&q="
                        + URLEncoder.encode(text, StandardCharsets.UTF_8);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(apy + "/translate"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("APy answered " + r.statusCode());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Asks the gateway for the Spanish version of each article; seconds until every one is finished. */
    private static double throughGateway(HttpClient http, String url, String token, List<String> ids) throws Exception {
        long start = System.nanoTime();
        for (String id : ids) {
            request(http, url, token, id);
        }
        awaitAll(http, url, token, ids, Map.of());
        return (System.nanoTime() - start) / 1e9;
    }

    private static String article(Random random, int n) {
        StringBuilder text = new StringBuilder();
        text.append("The ").append(pick(random, ADJ)).append(' ').append(pick(random, NOUN)).append(" of ")
                .append(pick(random, PLACE)).append("\n\n");
        while (text.length() < 2000) {
            StringBuilder paragraph = new StringBuilder();
            for (int s = 0; s < 3; s++) {
                paragraph.append("The ").append(pick(random, ADJ)).append(' ').append(pick(random, NOUN)).append(" in ")
                        .append(pick(random, PLACE)).append(' ').append(pick(random, VERB)).append(" the ")
                        .append(pick(random, ADJ)).append(' ').append(pick(random, NOUN)).append(' ')
                        .append(pick(random, WHEN)).append(", and the ").append(pick(random, NOUN)).append(' ')
                        .append(pick(random, VERB)).append(" the ").append(pick(random, NOUN)).append(". ");
            }
            text.append(paragraph.toString().strip()).append("\n\n");
        }
        return text.append("Story ").append(n).append(".\n").toString();
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static void request(HttpClient http, String url, String token, String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/articles/" + id
                        + "/translations")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"targets\":[\"es\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("translation request answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Polls until every article's Spanish version is finished (and newer than {@code after}, when given). */
    private static void awaitAll(HttpClient http, String url, String token, List<String> ids, Map<String, String> after)
            throws Exception {
        List<String> waiting = new ArrayList<>(ids);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.size() + " translations did not finish");
            }
            // jobs are taken about in order: look at the first unfinished one only, so that polling does not take
            // the CPU the gateway is measured on
            while (!waiting.isEmpty()) {
                String id = waiting.get(0);
                String t = get(http, url + "/api/v1/articles/" + id + "/translations/es", token);
                String status = field(t, "status");
                if (status.equals("failed")) {
                    throw new IllegalStateException("translation failed: " + t);
                }
                boolean finished = status.equals("translated") || status.equals("review");
                if (!finished || (after.containsKey(id) && field(t, "updatedAt").equals(after.get(id)))) {
                    break;
                }
                waiting.remove(0);
            }
            if (!waiting.isEmpty()) {
                // a poll costs the gateway an authenticated request and a JSON answer: polling a batch every 10 ms
                // took about a tenth of a core from the gateway and APy; 100 ms adds at most 0.1 s to a run of 20 s
                Thread.sleep(ids.size() == 1 ? 1 : 100);
            }
        }
    }

    private static String get(HttpClient http, String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String quantile(String metrics, String q) {
        return quantile(metrics, "memory", q);
    }

    private static String quantile(String metrics, String from, String q) {
        Matcher m = Pattern.compile("lingowire_translation_duration_seconds\\{[^}]*from=\"" + from + "\"[^}]*quantile=\""
                + Pattern.quote(q) + "\"[^}]*} ([0-9.eE+-]+)").matcher(metrics);
        return m.find() ? String.format("%.2f", Double.parseDouble(m.group(1)) * 1000) : "n/a";
    }
}
