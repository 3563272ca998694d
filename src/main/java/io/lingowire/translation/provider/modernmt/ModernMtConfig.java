package io.lingowire.translation.provider.modernmt;

import io.lingowire.translation.provider.RemoteProviderConfig;
import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * ModernMT. The key comes from the environment ({@code LINGOWIRE_PROVIDERS_MODERNMT_API_KEY}) or a secret. The host is
 * {@code https://api.modernmt.com} unless {@code url} says otherwise.
 */
@ConfigMapping(prefix = "lingowire.providers.modernmt")
public interface ModernMtConfig extends RemoteProviderConfig {

    /** The license key, sent as {@code MMT-ApiKey}. */
    Optional<String> apiKey();
}
