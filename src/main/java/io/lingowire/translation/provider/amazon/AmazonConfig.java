package io.lingowire.translation.provider.amazon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Amazon Translate. Credentials come from the environment ({@code LINGOWIRE_PROVIDERS_AMAZON_ACCESS_KEY_ID},
 * {@code LINGOWIRE_PROVIDERS_AMAZON_SECRET_ACCESS_KEY}, with temporary credentials also
 * {@code LINGOWIRE_PROVIDERS_AMAZON_SESSION_TOKEN}) or secrets, the region from
 * {@code LINGOWIRE_PROVIDERS_AMAZON_REGION}.
 */
@ConfigMapping(prefix = "lingowire.providers.amazon")
public interface AmazonConfig {

    /** The IAM access key id (it appears in the signed {@code Authorization} header's credential scope). */
    Optional<String> accessKeyId();

    /** The secret access key; it only ever keys the signature and is never sent. */
    Optional<String> secretAccessKey();

    /** The session token of temporary credentials, sent as {@code X-Amz-Security-Token}. */
    Optional<String> sessionToken();

    /** The AWS region, e.g. {@code eu-west-1}; it picks the host and is part of the signature. */
    Optional<String> region();

    /** Override of the endpoint, by default {@code https://translate.<region>.amazonaws.com}. */
    Optional<String> url();

    /** Time allowed for one request. */
    @WithDefault("30s")
    Duration timeout();

    /** How long the language list is trusted before it is asked again. */
    @WithDefault("1h")
    Duration pairsTtl();
}
