package io.lingowire.translation.provider.azure;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Azure AI Translator v3.0. The resource key comes from the environment ({@code LINGOWIRE_PROVIDERS_AZURE_KEY}) or a
 * secret; the region ({@code LINGOWIRE_PROVIDERS_AZURE_REGION}) is needed for regional and multi-service resources.
 */
@ConfigMapping(prefix = "lingowire.providers.azure")
public interface AzureConfig {

    /** The Translator resource key, sent as {@code Ocp-Apim-Subscription-Key}. */
    Optional<String> key();

    /** The resource's region, e.g. {@code westeurope}, sent as {@code Ocp-Apim-Subscription-Region} when set. */
    Optional<String> region();

    /**
     * Override of the API host, by default {@code https://api.cognitive.microsofttranslator.com}; geographies use
     * {@code https://api-eur.cognitive.microsofttranslator.com} and kin.
     */
    Optional<String> url();

    /** Time allowed for one request (Azure's own ceiling is 15 s for standard models). */
    @WithDefault("30s")
    Duration timeout();

    /** How long the language list is trusted before it is asked again. */
    @WithDefault("1h")
    Duration pairsTtl();
}
