package io.lingowire.translation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lingowire.article.Block;
import io.lingowire.security.Role;
import io.lingowire.translation.Translation;
import io.lingowire.translation.Editorial;
import io.lingowire.translation.TranslationRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Instant;
import java.util.List;

@Path("/api/v1/articles/{id}/translations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.EDITOR})
public class TranslationResource {

    private final TranslationRequests translations;
    private final Editorial editorial;

    TranslationResource(TranslationRequests translations, Editorial editorial) {
        this.translations = translations;
        this.editorial = editorial;
    }

    public record Request(List<String> targets, String priority) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String language, String status, int sourceVersion, String priority, String provider,
                       String model, String route, String title, List<Block> blocks, List<String> flags, int segments,
                       int memoryHits, long charactersSent, String error, int publishedVersion, String approvedBy,
                       Instant approvedAt, Instant updatedAt) {
        static View of(Translation t, boolean full) {
            return new View(t.language, t.status.name(), t.sourceVersion, t.priority, t.provider, t.model, t.route,
                    full ? t.title : null, full ? t.blocks : null, t.flags, t.segments, t.memoryHits,
                    t.charactersSent, t.error, t.publishedVersion, t.approvedBy, t.approvedAt, t.updatedAt);
        }
    }

    public record Batch(List<View> translations) {
    }

    /** Queues a translation per target; they run in the background (poll the GET endpoints). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(202)
    public Batch request(@RestPath String id, Request request) {
        List<String> targets = request == null ? null : request.targets();
        return new Batch(translations.request(id, targets, request == null ? null : request.priority()).stream()
                .map(t -> View.of(t, false)).toList());
    }

    @GET
    public Batch list(@RestPath String id) {
        return new Batch(translations.list(id).stream().map(t -> View.of(t, false)).toList());
    }

    @GET
    @Path("{lang}")
    public View get(@RestPath String id, @RestPath String lang) {
        return View.of(translations.get(id, lang), true);
    }

    /** An editor's post-edit; edited sentences go to the translation memory as approved. */
    @PUT
    @Path("{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    public View postEdit(@RestPath String id, @RestPath String lang, Editorial.PostEdit edit,
                         @Context SecurityContext security) {
        return View.of(editorial.postEdit(id, lang, edit, security.getUserPrincipal().getName()), true);
    }

    /** Approves the language version and publishes it to partners (also to those that take only approved ones). */
    @POST
    @Path("{lang}/approve")
    public View approve(@RestPath String id, @RestPath String lang, @Context SecurityContext security) {
        return View.of(editorial.approve(id, lang, security.getUserPrincipal().getName()), true);
    }
}
