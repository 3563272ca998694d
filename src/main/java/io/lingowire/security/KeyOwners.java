package io.lingowire.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who owns an API key that is not a user token: the feature that issues such keys implements this (the partner
 * directory does for {@code lwp_} keys), so that security resolves them without knowing the feature.
 */
public interface KeyOwners {

    /** The security identity attribute holding {@link KeyOwner#detail()}. */
    String OWNER_ATTRIBUTE = "lingowire.key-owner";

    /** The owner of a key as the identity shows it: principal name, roles, and the feature's own object. */
    record KeyOwner(String principal, Set<String> roles, Object detail) {
    }

    /** Whether keys of this shape are this implementation's to answer (a prefix check; no I/O). */
    boolean claims(String key);

    /** The owner when this replica knows the key as live and fresh, without I/O (asked on the event loop). */
    Optional<KeyOwner> known(String key);

    /** The owner of a live key, looked up where it is stored (blocking); empty for an unknown or revoked key. */
    Optional<KeyOwner> resolve(String key);
}
