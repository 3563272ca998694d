package io.lingowire.translation.provider;

import java.time.Duration;

/**
 * Why a provider did not translate. The kind tells the router what to do: try the next provider now, wait, or
 * stop asking this provider for the rest of the period.
 */
public class ProviderException extends Exception {

    public enum Kind {
        /** Network error, timeout, 5xx: another attempt or another provider may succeed. */
        TRANSIENT,
        /** Slow down (429 and kin); {@link #retryAfter} says for how long when the provider said so. */
        RATE_LIMITED,
        /** The quota or budget for the period is used up. */
        QUOTA_EXHAUSTED,
        /** The provider does not translate this pair. */
        UNSUPPORTED,
        /** The provider refused the request as such (auth, bad request): retrying it will not help. */
        REJECTED,
        /**
         * Not sent: every call this replica may have in flight to the provider was taken for longer than the limit
         * wait. Says nothing about the provider, so it is not rested, and the job's attempt does not count.
         */
        BUSY
    }

    public final Kind kind;
    public final Duration retryAfter;

    public ProviderException(Kind kind, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public ProviderException(Kind kind, String message) {
        this(kind, message, null);
    }
}
