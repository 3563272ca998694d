package io.lingowire.translation.provider.amazon;

import io.lingowire.translation.provider.RemoteProviderConfig;
import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * Amazon Translate. Credentials come from the environment ({@code LINGOWIRE_PROVIDERS_AMAZON_ACCESS_KEY_ID},
 * {@code LINGOWIRE_PROVIDERS_AMAZON_SECRET_ACCESS_KEY}, with temporary credentials also
 * {@code LINGOWIRE_PROVIDERS_AMAZON_SESSION_TOKEN}) or secrets, the region from
 * {@code LINGOWIRE_PROVIDERS_AMAZON_REGION}. The endpoint is {@code https://translate.<region>.amazonaws.com} unless
 * {@code url} says otherwise.
 */
@ConfigMapping(prefix = "lingowire.providers.amazon")
public interface AmazonConfig extends RemoteProviderConfig {

    /** The IAM access key id (it appears in the signed {@code Authorization} header's credential scope). */
    Optional<String> accessKeyId();

    /** The secret access key; it only ever keys the signature and is never sent. */
    Optional<String> secretAccessKey();

    /** The session token of temporary credentials, sent as {@code X-Amz-Security-Token}. */
    Optional<String> sessionToken();

    /** The AWS region, e.g. {@code eu-west-1}; it picks the host and is part of the signature. */
    Optional<String> region();
}
