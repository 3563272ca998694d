package io.lingowire.security;

import io.lingowire.common.Hashing;
import io.lingowire.common.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/** Issues and resolves bearer tokens. The clear token leaves the server once; only its hash is kept. */
@ApplicationScoped
@Transactional
public class TokenService {

    static final String PREFIX = "lwt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecurityConfig config;

    TokenService(SecurityConfig config) {
        this.config = config;
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

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

    /** The user a live token belongs to: name and roles, read inside the transaction. */
    public Optional<Principal> resolve(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        // every API request comes through here: token and user in one query
        return ApiToken.<ApiToken>find("from ApiToken t join fetch t.user where t.tokenHash = ?1",
                        Hashing.sha256Hex(token)).firstResultOptional()
                .filter(t -> t.expiresAt.isAfter(Instant.now()))
                .map(t -> new Principal(t.user.username, Set.of(t.user.roles.split(","))));
    }

    public record Principal(String name, Set<String> roles) {
    }
}
