package io.lingowire.translation.provider.libretranslate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A LibreTranslate server we run ({@code libretranslate --host 127.0.0.1 --port 5000}). Its URL comes from
 * {@code LINGOWIRE_PROVIDERS_LIBRETRANSLATE_URL}; a server started with {@code --api-keys} also needs
 * {@code LINGOWIRE_PROVIDERS_LIBRETRANSLATE_API_KEY}.
 */
@ConfigMapping(prefix = "lingowire.providers.libretranslate")
public interface LibreTranslateConfig {

    /** Base URL of the server, e.g. {@code http://127.0.0.1:5000}. Required when the provider is configured. */
    Optional<String> url();

    /** The API key ({@code ltmanage keys add}), sent as {@code api_key} in the body. */
    Optional<String> apiKey();

    /** The server's {@code --batch-limit}: texts per request. Unset when the server has none. */
    OptionalInt batchLimit();

    /** Time allowed for one request (Argos on a CPU is slow on long batches). */
    @WithDefault("60s")
    Duration timeout();

    /** How long the language list is trusted before it is asked again. */
    @WithDefault("10m")
    Duration pairsTtl();
}
