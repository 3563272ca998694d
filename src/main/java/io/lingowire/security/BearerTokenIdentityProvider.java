package io.lingowire.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.Optional;

/**
 * Turns a bearer token into an identity: a user token ({@code lwt_}) into the user it was issued to, any other key into
 * its owner as a {@link KeyOwners} implementation answers (a partner key into the partner). Either is answered on the
 * event loop when this replica read it a moment ago; the database look-up runs off the event loop.
 */
@ApplicationScoped
public class BearerTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final TokenService tokens;
    private final Instance<KeyOwners> owners;

    BearerTokenIdentityProvider(TokenService tokens, Instance<KeyOwners> owners) {
        this.tokens = tokens;
        this.owners = owners;
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
        for (KeyOwners keys : owners) {
            if (keys.claims(token)) {
                // the partner API's hot path: a key this replica knows needs no database, so no worker thread
                Optional<KeyOwners.KeyOwner> known = keys.known(token);
                if (known.isPresent()) {
                    return Uni.createFrom().item(ownerIdentity(known.get(), request));
                }
                return context.runBlocking(() -> keys.resolve(token).map(o -> ownerIdentity(o, request))
                        .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key")));
            }
        }
        // a token this replica resolved a moment ago needs no database, so no worker thread either
        Optional<TokenService.Principal> known = tokens.known(token);
        if (known.isPresent()) {
            return Uni.createFrom().item(userIdentity(known.get(), request));
        }
        return context.runBlocking(() -> tokens.resolve(token).map(p -> userIdentity(p, request))
                .orElseThrow(() -> new AuthenticationFailedException("unknown or expired token")));
    }

    private static SecurityIdentity userIdentity(TokenService.Principal user, TokenAuthenticationRequest request) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.name()))
                .addRoles(user.roles())
                .addCredential(request.getToken())
                .build();
    }

    /** A key owner's identity, with the owner's own object as the {@link KeyOwners#OWNER_ATTRIBUTE} attribute. */
    private static SecurityIdentity ownerIdentity(KeyOwners.KeyOwner owner, TokenAuthenticationRequest request) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(owner.principal()))
                .addRoles(owner.roles())
                .addAttribute(KeyOwners.OWNER_ATTRIBUTE, owner.detail())
                .addCredential(request.getToken())
                .build();
    }
}
