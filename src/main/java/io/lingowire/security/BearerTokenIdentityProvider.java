package io.lingowire.security;

import io.lingowire.syndication.partner.PartnerService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a bearer token into an identity: a user token ({@code lwt_}) into the user it was issued to, a partner key
 * ({@code lwp_}) into the partner (principal name = partner id, role {@code partner}). The database look-up runs off
 * the event loop.
 */
@ApplicationScoped
public class BearerTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final TokenService tokens;
    private final PartnerService partners;

    BearerTokenIdentityProvider(TokenService tokens, PartnerService partners) {
        this.tokens = tokens;
        this.partners = partners;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!BearerTokenMechanism.TYPE.equals(request.getToken().getType())) {
            return Uni.createFrom().nullItem();
        }
        String token = request.getToken().getToken();
        return context.runBlocking(() -> (token.startsWith(PartnerService.KEY_PREFIX)
                ? partners.resolve(token).map(p -> new TokenService.Principal(p.id, java.util.Set.of(Role.PARTNER)))
                : tokens.resolve(token))
                .map(p -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(p.name()))
                        .addRoles(p.roles())
                        .addCredential(request.getToken())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("unknown, revoked or expired token")));
    }
}
