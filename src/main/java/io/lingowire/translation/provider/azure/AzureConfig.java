package io.lingowire.translation.provider.azure;

import io.lingowire.translation.provider.RemoteProviderConfig;
import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * Azure AI Translator v3.0. The resource key comes from the environment ({@code LINGOWIRE_PROVIDERS_AZURE_KEY}) or a
 * secret; the region ({@code LINGOWIRE_PROVIDERS_AZURE_REGION}) is needed for regional and multi-service resources.
 * The host is {@code https://api.cognitive.microsofttranslator.com} unless {@code url} names a geography's
 * ({@code https://api-eur.cognitive.microsofttranslator.com}).
 */
@ConfigMapping(prefix = "lingowire.providers.azure")
public interface AzureConfig extends RemoteProviderConfig {

    /** The Translator resource key, sent as {@code Ocp-Apim-Subscription-Key}. */
    Optional<String> key();

    /** The resource's region, e.g. {@code westeurope}, sent as {@code Ocp-Apim-Subscription-Region} when set. */
    Optional<String> region();
}
