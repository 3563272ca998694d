package io.lingowire.security.rest;

import io.lingowire.security.Role;
import io.lingowire.security.TokenService;
import io.lingowire.security.TokenService.IssuedToken;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;

@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private final TokenService tokens;

    TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    public record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    /** Exchanges the caller's credentials for a bearer token; the token is shown only in this response. */
    @POST
    @ResponseStatus(201)
    @RolesAllowed({Role.ADMIN, Role.EDITOR})
    public TokenResponse issue(SecurityContext security, @RestQuery String name) {
        IssuedToken issued = tokens.issue(security.getUserPrincipal().getName(), name);
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
    }
}
