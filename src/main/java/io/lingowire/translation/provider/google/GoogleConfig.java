package io.lingowire.translation.provider.google;

import io.lingowire.translation.provider.RemoteProviderConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * Google Cloud Translation v3 (Advanced). The OAuth2 access token comes from the environment
 * ({@code LINGOWIRE_PROVIDERS_GOOGLE_ACCESS_TOKEN}) or a secret, the project from
 * {@code LINGOWIRE_PROVIDERS_GOOGLE_PROJECT}. The host is {@code https://translate.googleapis.com} unless {@code url}
 * names a regional one ({@code https://translate-eu.googleapis.com}).
 */
@ConfigMapping(prefix = "lingowire.providers.google")
public interface GoogleConfig extends RemoteProviderConfig {

    /** A service account's OAuth2 access token (scope {@code cloud-translation} or {@code cloud-platform}). */
    Optional<String> accessToken();

    /** The Google Cloud project id or number that is billed. */
    Optional<String> project();

    /** The location of the requests; glossaries and custom models need a region such as {@code us-central1}. */
    @WithDefault("global")
    String location();
}
