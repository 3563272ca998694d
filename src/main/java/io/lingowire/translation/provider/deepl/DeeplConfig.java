package io.lingowire.translation.provider.deepl;

import io.lingowire.translation.provider.RemoteProviderConfig;
import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * DeepL API v2. The key comes from the environment ({@code LINGOWIRE_PROVIDERS_DEEPL_API_KEY}) or a secret. The host is
 * {@code https://api-free.deepl.com} for Free keys, else {@code https://api.deepl.com}, unless {@code url} says otherwise.
 */
@ConfigMapping(prefix = "lingowire.providers.deepl")
public interface DeeplConfig extends RemoteProviderConfig {

    /** The authentication key; keys ending in {@code :fx} belong to the Free API. */
    Optional<String> apiKey();
}
