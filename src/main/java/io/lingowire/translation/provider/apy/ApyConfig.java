package io.lingowire.translation.provider.apy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * An Apertium APy server ({@code apertium-apy -p 2737 /usr/share/apertium/modes}, Debian package
 * {@code apertium-apy}): the production form of the local engine, with warm pipelines.
 */
@ConfigMapping(prefix = "lingowire.providers.apertium-apy")
public interface ApyConfig {

    /** Base URL of the server, e.g. {@code http://127.0.0.1:2737}. Required when the provider is configured. */
    Optional<String> url();

    /** Time allowed for one request. */
    @WithDefault("30s")
    Duration timeout();

    /** How long the list of installed pairs is trusted before it is asked again. */
    @WithDefault("10m")
    Duration pairsTtl();
}
