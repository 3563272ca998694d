package io.lingowire.ingest.poll;

import io.lingowire.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    private final FeedPoller poller;

    FeedResource(FeedPoller poller) {
        this.poller = poller;
    }

    @GET
    @RolesAllowed({Role.ADMIN, Role.EDITOR})
    public List<FeedPoller.SourceState> list() {
        return poller.sources();
    }

    @POST
    @Path("{name}/poll")
    @RolesAllowed(Role.ADMIN)
    public FeedPoller.PollResult poll(@RestPath String name) {
        return poller.pollNow(name);
    }
}
