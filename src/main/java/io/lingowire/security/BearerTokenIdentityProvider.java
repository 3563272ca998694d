package io.lingowire.security;

import io.lingowire.syndication.partner.Partner;
import io.lingowire.syndication.partner.PartnerDirectory;
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

import java.util.Optional;

/**
 * Turns a bearer token into an identity: a user token ({@code lwt_}) into the user it was issued to, a partner key
 * ({@code lwp_}) into the partner (principal name = partner id, role {@code partner}). Either is answered on the event
 * loop when this replica read it a moment ago; the database look-up runs off the event loop.
 */
@ApplicationScoped
public class BearerTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The security identity attribute holding the {@link Partner} of a partner key. */
    public static final String PARTNER_ATTRIBUTE = "lingowire.partner";

    private final TokenService tokens;
    private final PartnerService partners;
    private final PartnerDirectory directory;

    BearerTokenIdentityProvider(TokenService tokens, PartnerService partners, PartnerDirectory directory) {
        this.tokens = tokens;
        this.partners = partners;
        this.directory = directory;
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
        if (token.startsWith(PartnerService.KEY_PREFIX)) {
            // the partner API's hot path: a key this replica knows needs no database, so no worker thread
            Optional<Partner> known = directory.known(token);
            if (known.isPresent()) {
                return Uni.createFrom().item(partnerIdentity(known.get(), request));
            }
            return context.runBlocking(() -> partners.resolve(token).map(p -> partnerIdentity(p, request))
                    .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key")));
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

    /** A partner's identity: principal name = partner id, role {@code partner}, the partner as attribute. */
    private static SecurityIdentity partnerIdentity(Partner partner, TokenAuthenticationRequest request) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(partner.id))
                .addRole(Role.PARTNER)
                .addAttribute(PARTNER_ATTRIBUTE, partner)
                .addCredential(request.getToken())
                .build();
    }
}
