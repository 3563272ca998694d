package io.lingowire.translation.provider.deepl;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** DeepL API v2. The key comes from the environment ({@code LINGOWIRE_PROVIDERS_DEEPL_API_KEY}) or a secret. */
@ConfigMapping(prefix = "lingowire.providers.deepl")
public interface DeeplConfig {

    /** The authentication key; keys ending in {@code :fx} belong to the Free API. */
    Optional<String> apiKey();

    /** Override of the API host; by default {@code https://api-free.deepl.com} for Free keys, else {@code https://api.deepl.com}. */
    Optional<String> url();

    /** Time allowed for one request. */
    @WithDefault("30s")
    Duration timeout();

    /** How long the language lists are trusted before they are asked again. */
    @WithDefault("1h")
    Duration pairsTtl();
}
