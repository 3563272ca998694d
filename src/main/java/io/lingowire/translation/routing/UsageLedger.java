package io.lingowire.translation.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Characters, requests and cost per provider and month in {@code provider_usage}, shared by all replicas. Each call
 * is added with {@code UPDATE ... SET characters = characters + ?} on its own auto-committed connection, so that
 * usage counts even when the translation that caused it fails later, and two replicas never lose each other's
 * increments; the month's row is inserted on first use, and a replica that loses that insert race updates instead.
 * Budget checks read a copy cached for {@code lingowire.routing.usage-cache}.
 */
@ApplicationScoped
public class UsageLedger {

    private static final Logger LOG = Logger.getLogger(UsageLedger.class);

    /** One provider's usage in one month. */
    public record Usage(long characters, long requests, BigDecimal cost) {
        static final Usage NONE = new Usage(0, 0, BigDecimal.ZERO);
    }

    private record Cached(String month, Usage usage, Instant readAt) {
    }

    private final AgroalDataSource dataSource;
    private final Duration cacheFor;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private final MeterRegistry metrics;

    UsageLedger(AgroalDataSource dataSource, RoutingConfig config, MeterRegistry metrics, Clock clock) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.cacheFor = config.usageCache();
        this.clock = clock;
    }

    /** The month usage is counted in now: {@code YYYY-MM}, UTC. */
    public String month() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC)).toString();
    }

    /** Adds one call that sent {@code characters} at {@code costPerMillion}. */
    public void record(String provider, long characters, BigDecimal costPerMillion) {
        String month = month();
        BigDecimal cost = costPerMillion.multiply(BigDecimal.valueOf(characters))
                .divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP);
        metrics.counter("lingowire.provider.characters", "provider", provider).increment(characters);
        metrics.counter("lingowire.provider.cost", "provider", provider).increment(cost.doubleValue());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (increment(c, provider, month, characters, cost) == 0) {
                try {
                    insert(c, provider, month, characters, cost);
                } catch (SQLException duplicate) {
                    // another replica inserted the month's row first
                    if (increment(c, provider, month, characters, cost) == 0) {
                        throw duplicate;
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warnf("Usage of %s not recorded (%d characters): %s", provider, characters, e.getMessage());
        }
        cache.remove(provider);
    }

    private static final String INCREMENT = "UPDATE provider_usage SET characters = characters + ?, cost = cost + ?, "
            + "updated_at = ?, requests = requests + 1 WHERE provider = ? AND usage_month = ?";
    private static final String INSERT = "INSERT INTO provider_usage (characters, cost, updated_at, provider, "
            + "usage_month, requests) VALUES (?, ?, ?, ?, ?, 1)";

    private int increment(Connection c, String provider, String month, long characters, BigDecimal cost)
            throws SQLException {
        return execute(c, INCREMENT, provider, month, characters, cost);
    }

    private void insert(Connection c, String provider, String month, long characters, BigDecimal cost)
            throws SQLException {
        execute(c, INSERT, provider, month, characters, cost);
    }

    /** Both statements take the same parameters in the same order. */
    private int execute(Connection c, String sql, String provider, String month, long characters, BigDecimal cost)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, characters);
            s.setBigDecimal(2, cost);
            s.setTimestamp(3, Timestamp.from(clock.instant()));
            s.setString(4, provider);
            s.setString(5, month);
            return s.executeUpdate();
        }
    }

    /** This month's usage of a provider, at most {@code usage-cache} old. */
    public Usage thisMonth(String provider) {
        String month = month();
        Cached cached = cache.get(provider);
        Instant now = clock.instant();
        if (cached != null && cached.month.equals(month) && cached.readAt.plus(cacheFor).isAfter(now)) {
            return cached.usage;
        }
        Usage usage = read(provider, month);
        cache.put(provider, new Cached(month, usage, now));
        return usage;
    }

    private Usage read(String provider, String month) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT characters, requests, cost FROM provider_usage "
                     + "WHERE provider = ? AND usage_month = ?")) {
            s.setString(1, provider);
            s.setString(2, month);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Usage(r.getLong(1), r.getLong(2), r.getBigDecimal(3)) : Usage.NONE;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("provider_usage not readable: " + e.getMessage(), e);
        }
    }
}
