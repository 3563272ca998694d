package io.lingowire.syndication.feed;

import io.lingowire.syndication.format.OutputFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code lingowire_feed_requests_total{endpoint, format, result}}: partner pulls answered, by what was asked for
 * ({@code feed} or {@code item}), in which format, and whether the partner already had it ({@code not_modified}).
 * Counted where the answer is made: the cached route on the event loop and the resource.
 */
@ApplicationScoped
public class FeedMetrics {

    private final Map<OutputFormat, Counter[]> counters = new EnumMap<>(OutputFormat.class);

    FeedMetrics(MeterRegistry registry) {
        for (OutputFormat format : OutputFormat.values()) {
            Counter[] c = new Counter[4];
            int i = 0;
            for (String endpoint : new String[] {"feed", "item"}) {
                for (String result : new String[] {"ok", "not_modified"}) {
                    c[i++] = Counter.builder("lingowire.feed.requests").description("Partner pulls answered")
                            .tag("endpoint", endpoint).tag("format", format.id).tag("result", result)
                            .register(registry);
                }
            }
            counters.put(format, c);
        }
    }

    public void served(boolean item, OutputFormat format, boolean notModified) {
        counters.get(format)[(item ? 2 : 0) + (notModified ? 1 : 0)].increment();
    }
}
