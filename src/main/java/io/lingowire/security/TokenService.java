package io.lingowire.security;

import io.lingowire.common.Hashing;
import io.lingowire.common.Ids;
import io.lingowire.common.ReplicaCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Issues and resolves bearer tokens. The clear token leaves the server once; only its hash is kept. What a token
 * resolved to is trusted on this replica for {@link #TRUST} (and never past the token's expiry), so that the requests
 * of a busy client need no database look-up and no worker thread to authenticate.
 */
@ApplicationScoped
public class TokenService {

    static final String PREFIX = "lwt_";
    static final Duration TRUST = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecurityConfig config;
    /** Token hash → what it resolved to, or "no live token". */
    private final ReplicaCache<Resolved> resolved;

    private record Resolved(Principal principal, Instant expiresAt) {
        Optional<Principal> live() {
            return expiresAt.isAfter(Instant.now()) ? Optional.of(principal) : Optional.empty();
        }
    }

    TokenService(SecurityConfig config, Clock clock) {
        this.config = config;
        this.resolved = new ReplicaCache<>(TRUST, 10_000, clock);
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    @Transactional
    public IssuedToken issue(String username, String name) {
        User user = User.findByUsername(username).orElseThrow();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken row = new ApiToken();
        row.id = Ids.newId();
        row.user = user;
        row.tokenHash = Hashing.sha256Hex(token);
        row.name = name;
        row.createdAt = Instant.now();
        row.expiresAt = row.createdAt.plus(config.tokenTtl());
        row.persist();
        return new IssuedToken(token, row.expiresAt);
    }

    /** The user of a live token if this replica read it within {@link #TRUST}; empty means "ask {@link #resolve}". */
    public Optional<Principal> known(String token) {
        return token == null ? Optional.empty() : resolved.fresh(Hashing.sha256Hex(token)).flatMap(Resolved::live);
    }

    /** The user a live token belongs to: name and roles, from this replica's memory or read in a transaction. */
    @Transactional
    public Optional<Principal> resolve(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        // token and user in one query
        String hash = Hashing.sha256Hex(token);
        return Optional.ofNullable(resolved.get(hash, () -> ApiToken.<ApiToken>find(
                        "from ApiToken t join fetch t.user where t.tokenHash = ?1", hash).firstResultOptional()
                .map(t -> new Resolved(new Principal(t.user.username, Set.of(t.user.roles.split(","))), t.expiresAt))
                .orElse(null), true)).flatMap(Resolved::live);
    }

    public record Principal(String name, Set<String> roles) {
    }
}
