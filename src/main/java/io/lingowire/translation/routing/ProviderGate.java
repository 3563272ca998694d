package io.lingowire.translation.routing;

import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.Terminology;
import io.lingowire.translation.provider.TranslationProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way a provider is called, and the one owner of its health: calls go through its circuit breaker and its
 * concurrency and rate limits, with the characters sent added to the month's usage afterwards; a provider that said
 * to slow down or that its quota is spent rests; its budget is weighed against the month's spend. Owning these here keeps every provider free of fault
 * tolerance code, as a super-heroes client bean owns its {@code @CircuitBreaker}.
 */
@ApplicationScoped
public class ProviderGate {

    /**
     * List prices per million characters, in each provider's billing currency, used when
     * {@code lingowire.routing.limits."<name>".cost-per-million-chars} is not set (docs/translation.md, "Routing").
     */
    static final Map<String, BigDecimal> LIST_PRICES = Map.of(
            "deepl", new BigDecimal("20"),
            "google", new BigDecimal("20"),
            "azure", new BigDecimal("10"),
            "amazon", new BigDecimal("15"));

    private final RoutingConfig config;
    private final UsageLedger usage;
    private final Map<String, CircuitBreaker> circuits = new ConcurrentHashMap<>();
    private final Map<String, CallLimiter> limiters = new ConcurrentHashMap<>();
    /** The configured limits by {@link RoutingConfig#providerKey}. */
    private final Map<String, RoutingConfig.Limits> limits = new HashMap<>();

    private final MeterRegistry metrics;
    /** Providers that asked us to wait (Retry-After) or whose quota is spent, and until when. */
    private final Map<String, Instant> resting = new ConcurrentHashMap<>();
    private final Clock clock;

    ProviderGate(RoutingConfig config, UsageLedger usage, MeterRegistry metrics, Clock clock) {
        this.config = config;
        this.usage = usage;
        this.metrics = metrics;
        this.clock = clock;
        config.limits().forEach((key, value) -> limits.put(RoutingConfig.providerKey(key), value));
    }

    /**
     * Takes a provider out of every chain after it said to slow down (for its Retry-After, else 30 s) or that its
     * quota is spent (until the quota's period ends when the provider says when, as for a daily limit, else until the
     * first day of next month, UTC, when monthly quotas reset).
     */
    public void rest(TranslationProvider provider, ProviderException e) {
        Instant until = switch (e.kind) {
            case RATE_LIMITED -> clock.instant().plus(e.retryAfter != null ? e.retryAfter
                    : Duration.ofSeconds(30));
            case QUOTA_EXHAUSTED -> e.retryAfter != null ? clock.instant().plus(e.retryAfter)
                    : nextMonth();
            default -> null;
        };
        if (until != null) {
            resting.put(provider.name(), until);
        }
    }

    /** The first day of next month, UTC: when monthly quotas and budgets start again. */
    public static Instant nextMonth() {
        return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Until when a provider rests, if it does. */
    public Optional<Instant> restingUntil(String name) {
        return Optional.ofNullable(resting.get(name)).filter(t -> t.isAfter(clock.instant()));
    }

    public CircuitBreaker circuit(String provider) {
        return circuits.computeIfAbsent(provider, p -> {
            CircuitBreaker circuit = new CircuitBreaker(config.circuit().failureThreshold(),
                    config.circuit().openFor(), clock);
            Gauge.builder("lingowire.provider.circuit", circuit, c -> c.state() == CircuitBreaker.State.OPEN ? 2
                            : c.state() == CircuitBreaker.State.HALF_OPEN ? 1 : 0)
                    .description("A provider's circuit on this replica: 0 closed, 1 half-open, 2 open")
                    .tag("provider", p).register(metrics);
            monthlyBudget(p).filter(budget -> budget.signum() > 0).ifPresent(budget -> Gauge.builder(
                            "lingowire.provider.budget.used.ratio",
                            () -> usage.thisMonth(p).cost().doubleValue() / budget.doubleValue())
                    .description("This month's spend on a provider over its monthly budget (1 = spent)")
                    .tag("provider", p).register(metrics));
            return circuit;
        });
    }

    /** Counts a call by its outcome: ok, or the failure's kind, or circuit_open when it was not made. */
    private void count(String provider, String outcome) {
        Counter.builder("lingowire.provider.calls").description("Provider calls by outcome")
                .tag("provider", provider).tag("outcome", outcome).register(metrics).increment();
    }

    public Optional<RoutingConfig.Limits> limits(String provider) {
        return Optional.ofNullable(limits.get(RoutingConfig.providerKey(provider)));
    }

    public BigDecimal costPerMillion(TranslationProvider provider) {
        return limits(provider.name()).flatMap(RoutingConfig.Limits::costPerMillionChars)
                .orElse(provider.selfHosted() ? BigDecimal.ZERO
                        : LIST_PRICES.getOrDefault(provider.name(), BigDecimal.ZERO));
    }

    public Optional<BigDecimal> monthlyBudget(String provider) {
        return limits(provider).flatMap(RoutingConfig.Limits::monthlyBudget);
    }

    /** Whether this month's spend has reached the provider's budget. */
    public boolean budgetSpent(String provider) {
        return monthlyBudget(provider).map(budget -> usage.thisMonth(provider).cost().compareTo(budget) >= 0)
                .orElse(false);
    }

    /** Translates through the circuit and the limits, recording the outcome and the usage. */
    public List<String> translate(TranslationProvider provider, LanguagePair pair, List<String> segments,
                                  Terminology terminology) throws ProviderException {
        CircuitBreaker circuit = circuit(provider.name());
        try (CallLimiter.Permit ignored = limiter(provider).acquire()) {
            if (!circuit.tryAcquire()) {
                count(provider.name(), "circuit_open");
                throw new ProviderException(ProviderException.Kind.TRANSIENT, provider.name() + ": circuit open");
            }
            List<String> out;
            try {
                out = provider.translate(pair, segments, terminology);
            } catch (ProviderException e) {
                if (e.kind == ProviderException.Kind.TRANSIENT) {
                    circuit.failure();
                } else {
                    circuit.success();
                }
                count(provider.name(), e.kind.name().toLowerCase(Locale.ROOT));
                throw e;
            } catch (RuntimeException e) {
                circuit.failure();
                count(provider.name(), "error");
                throw e;
            }
            circuit.success();
            count(provider.name(), "ok");
            usage.record(provider.name(), segments.stream().mapToLong(String::length).sum(),
                    costPerMillion(provider));
            return out;
        }
    }

    /** Calls in flight allowed at once: the configured limit, else the provider's own, else none (empty). */
    public OptionalInt maxConcurrent(TranslationProvider provider) {
        OptionalInt configured = limits(provider.name()).map(RoutingConfig.Limits::maxConcurrent)
                .orElse(OptionalInt.empty());
        return configured.isPresent() ? configured : provider.maxConcurrent();
    }

    private CallLimiter limiter(TranslationProvider provider) {
        return limiters.computeIfAbsent(provider.name(), p -> new CallLimiter(p, maxConcurrent(provider).orElse(0),
                limits(p).map(l -> l.requestsPerMinute().orElse(0)).orElse(0), config.limitWait()));
    }
}
