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
 * ({@code lwp_}) into the partner (principal name = partner id, role {@code partner}). The database look-up runs off
 * the event loop.
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
        return context.runBlocking(() -> tokens.resolve(token)
                .map(p -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(p.name()))
                        .addRoles(p.roles())
                        .addCredential(request.getToken())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("unknown or expired token")));
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
