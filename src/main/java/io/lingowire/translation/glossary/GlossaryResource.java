package io.lingowire.translation.glossary;

import io.lingowire.security.Role;
import io.lingowire.translation.provider.LanguagePair;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

@Path("/api/v1/glossaries/{source}/{target}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.EDITOR})
public class GlossaryResource {

    private final GlossaryService glossaries;

    GlossaryResource(GlossaryService glossaries) {
        this.glossaries = glossaries;
    }

    public record TermRequest(String term, String translation) {
    }

    public record TermView(String id, String term, String translation, boolean doNotTranslate) {
        static TermView of(GlossaryTerm t) {
            return new TermView(t.id, t.term, t.translation, t.translation == null);
        }
    }

    public record GlossaryView(String source, String target, int version, List<TermView> terms) {
    }

    @GET
    public GlossaryView get(@RestPath String source, @RestPath String target) {
        LanguagePair pair = GlossaryService.pair(source, target);
        return new GlossaryView(pair.source(), pair.target(), glossaries.version(pair),
                glossaries.terms(pair).stream().map(TermView::of).toList());
    }

    /** Adds a term: with {@code translation} it is forced, without it is kept as it is (do not translate). */
    @POST
    @Path("terms")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public TermView add(@RestPath String source, @RestPath String target, TermRequest request) {
        return TermView.of(glossaries.add(GlossaryService.pair(source, target),
                request == null ? null : request.term(), request == null ? null : request.translation()));
    }

    @DELETE
    @Path("terms/{id}")
    @ResponseStatus(204)
    public void remove(@RestPath String source, @RestPath String target, @RestPath String id) {
        glossaries.remove(GlossaryService.pair(source, target), id);
    }
}
