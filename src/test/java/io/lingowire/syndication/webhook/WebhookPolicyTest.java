package io.lingowire.syndication.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry schedule, {@code Retry-After} and address rules, without a server. */
class WebhookPolicyTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryPolicy.retryAfter("120", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                RetryPolicy.retryAfter("Sat, 01 Mar 2025 12:01:30 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryPolicy.retryAfter("Sat, 01 Mar 2025 11:00:00 GMT", NOW));
        assertEquals(Optional.empty(), RetryPolicy.retryAfter("soon", NOW));
        assertEquals(Optional.empty(), RetryPolicy.retryAfter(null, NOW));
    }

    @Test
    void theScheduleIsFollowedWithJitterAndThrottlingWaitsAsAsked() {
        RetryPolicy policy = new RetryPolicy(new TestConfig(List.of(Duration.ZERO, Duration.ofSeconds(5),
                Duration.ofMinutes(5))));
        assertEquals(3, policy.attempts());
        for (int i = 0; i < 200; i++) {
            long afterFirst = policy.delay(1, 500, null, NOW).toMillis();
            assertTrue(afterFirst >= 4000 && afterFirst <= 7000, afterFirst + " ms is 5 s ± 20 %, up to a whole second");
            long afterSecond = policy.delay(2, 0, null, NOW).toMillis();
            assertTrue(afterSecond >= 240_000 && afterSecond <= 361_000, afterSecond + " ms is 5 min ± 20 %");
            long asked = policy.delay(1, 503, "60", NOW).toMillis();
            assertTrue(asked >= 60_000 && asked <= 67_000, asked + " ms is never before Retry-After");
            assertTrue(policy.delay(1, 500, "60", NOW).toMillis() <= 7000, "Retry-After counts only when throttled");
            Instant odd = NOW.plusMillis(123);
            assertEquals(0, odd.plus(policy.delay(1, 429, "3", odd)).getNano(), "due on a whole second");
        }
        assertTrue(policy.delay(1, 429, "9999999", NOW).compareTo(RetryPolicy.MAX_RETRY_AFTER.multipliedBy(2)) < 0);
    }

    @Test
    void internalAddressesAreRecognised() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.31.255.255", "192.168.0.1", "169.254.169.254",
                "100.64.0.1", "100.127.255.255", "0.0.0.0", "224.0.0.251", "::1", "::", "fe80::1", "fc00::1",
                "fd12:3456::1", "ff02::1", "::10.0.0.1", "192.0.2.10", "198.51.100.7", "203.0.113.9",
                "255.255.255.255", "198.18.0.1", "192.88.99.1", "2001:db8::1", "64:ff9b::7f00:1", "64:ff9b::a00:1",
                "2002:7f00:1::1", "2002:c0a8:101::1", "::ffff:127.0.0.1", "2001:0:4136:e378::1", "100::1",
                "3fff::1")) {
            assertNotNull(EgressGuard.internal(InetAddress.getByName(internal)), internal + " is internal");
        }
        for (String external : List.of("8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2001:4860::8888",
                "64:ff9b::808:808", "2002:808:808::1", "192.0.3.1", "203.0.114.1")) {
            assertNull(EgressGuard.internal(InetAddress.getByName(external)), external + " is public");
        }
    }

    @Test
    void addressesSpelledOtherThanAsFourDecimalsAreRefused() {
        EgressGuard guard = new EgressGuard(new TestConfig(List.of(Duration.ZERO), List.of()));
        for (String url : List.of("http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://0x7f000001/",
                "http://2130706433/", "http://127.1/", "http://10.0.0.010/", "http://[fe80::1%25eth0]/",
                "http://192.0.2.10/", "http://[64:ff9b::7f00:1]/")) {
            assertTrue(refused(guard, url), url + " is refused");
        }
        assertFalse(refused(guard, "http://8.8.8.8/x"), "a public address written plainly");
        assertFalse(refused(guard, "http://[2001:4860:4860::8888]/x"), "a public IPv6 address");
    }

    @Test
    void allowedRangesLetInternalAddressesThrough() {
        EgressGuard guard = new EgressGuard(new TestConfig(List.of(Duration.ZERO), List.of("10.9.0.0/16", "hooks.local")));
        assertEquals("10.9.3.4", guard.check("http://10.9.3.4/x").getHost());
        assertFalse(refused(guard, "http://10.9.3.4/x"));
        assertTrue(refused(guard, "http://10.8.3.4/x"));
        assertFalse(refused(guard, "https://hooks.local/x"));
        assertTrue(refused(guard, "http://169.254.169.254/"));
    }

    @Test
    void signaturesFollowTheStandard() throws Exception {
        String secret = Signer.newSecret();
        byte[] body = "{\"type\":\"article.published\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String signature = Signer.sign(secret, "msg_1", 1700000000L, body);
        assertEquals(new com.standardwebhooks.Webhook(secret).sign("msg_1", 1700000000L,
                new String(body, java.nio.charset.StandardCharsets.UTF_8)), signature);
    }

    @Test
    void aTranslationsPayloadNamesItsSourceLanguage() {
        io.lingowire.event.StoryEvent event = new io.lingowire.event.StoryEvent();
        event.seq = 7L;
        event.type = io.lingowire.event.StoryEvent.TRANSLATION_PUBLISHED;
        event.articleId = "a1";
        event.version = 2;
        event.language = "es";
        event.createdAt = NOW;
        String json = new ThinPayload(new com.fasterxml.jackson.databind.ObjectMapper(),
                new io.lingowire.syndication.SyndicationConfig() {
                    @Override
                    public String publicUrl() {
                        return "http://localhost:8080";
                    }

                    @Override
                    public int defaultLimit() {
                        return 20;
                    }

                    @Override
                    public int maxLimit() {
                        return 100;
                    }

                    @Override
                    public Duration maxWait() {
                        return Duration.ofSeconds(30);
                    }
                }).render(event, "es", "en");
        assertEquals("{\"type\":\"translation.published\",\"timestamp\":\"2025-03-01T12:00:00Z\",\"data\":{"
                + "\"id\":\"a1\",\"uri\":\"urn:lingowire:a1:es\",\"version\":2,\"language\":\"es\","
                + "\"translationOf\":\"en\",\"links\":{\"ninjs\":\"http://localhost:8080/partner/v1/items/a1?lang=es\","
                + "\"newsml-g2\":\"http://localhost:8080/partner/v1/items/a1?lang=es&format=newsml-g2\"}}}", json);
    }

    private static boolean refused(EgressGuard guard, String url) {
        try {
            guard.check(url);
            return false;
        } catch (EgressGuard.Refused e) {
            return true;
        }
    }

    /** Only what the policies read. */
    private record TestConfig(List<Duration> retrySchedule, List<String> allowed) implements WebhookConfig {
        TestConfig(List<Duration> retrySchedule) {
            this(retrySchedule, List.of());
        }

        @Override
        public Optional<String> secretKey() {
            return Optional.empty();
        }

        @Override
        public Optional<List<String>> allowedHosts() {
            return Optional.of(allowed);
        }

        @Override
        public Duration secretOverlap() {
            return Duration.ofHours(24);
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(15);
        }

        @Override
        public int concurrency() {
            return 8;
        }

        @Override
        public String tick() {
            return "1s";
        }

        @Override
        public int batchSize() {
            return 200;
        }

        @Override
        public Duration gapWait() {
            return Duration.ofSeconds(30);
        }
    }
}
