package io.lingowire.translation.provider;

import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * What the configuration of every cloud provider has besides its credentials: an endpoint override, the time
 * allowed for a request and how long the provider's language list is trusted.
 */
public interface RemoteProviderConfig {

    /** Override of the API endpoint (a regional host, a proxy, a test stub); each provider names its default. */
    Optional<String> url();

    /** Time allowed for one request. */
    @WithDefault("30s")
    Duration timeout();

    /** How long the language list is trusted before it is asked again. */
    @WithDefault("1h")
    Duration pairsTtl();
}
