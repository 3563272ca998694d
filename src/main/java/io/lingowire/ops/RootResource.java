package io.lingowire.ops;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The site root sends people to the interactive API documentation. */
@Path("/")
public class RootResource {

    @GET
    @PermitAll
    public Response root() {
        return Response.seeOther(URI.create("/q/swagger-ui")).build();
    }
}
