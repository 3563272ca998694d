package io.lingowire.translation.provider.modernmt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** ModernMT. The key comes from the environment ({@code LINGOWIRE_PROVIDERS_MODERNMT_API_KEY}) or a secret. */
@ConfigMapping(prefix = "lingowire.providers.modernmt")
public interface ModernMtConfig {

    /** The license key, sent as {@code MMT-ApiKey}. */
    Optional<String> apiKey();

    /** Override of the API host, by default {@code https://api.modernmt.com}. */
    Optional<String> url();

    /** Time allowed for one request. */
    @WithDefault("30s")
    Duration timeout();

    /** How long the language list is trusted before it is asked again. */
    @WithDefault("1h")
    Duration pairsTtl();
}
