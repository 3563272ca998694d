package io.lingowire.desk;

import io.lingowire.article.ArticleService;
import io.lingowire.article.PubStatus;
import io.lingowire.common.Params;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.ingest.IngestRequest;
import io.lingowire.ingest.IngestService;
import io.lingowire.security.Role;
import io.lingowire.translation.TranslationRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.EDITOR})
public class ArticleResource {

    private final IngestService ingest;
    private final ArticleService articles;
    private final TranslationRequests translations;
    private final Kills kills;

    ArticleResource(IngestService ingest, ArticleService articles, TranslationRequests translations, Kills kills) {
        this.kills = kills;
        this.ingest = ingest;
        this.articles = articles;
        this.translations = translations;
    }

    /** Ingest as multipart/form-data: part {@code file} plus optional metadata parts. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String source, @RestForm String language,
                           @RestForm String targets, @RestForm String priority, @RestForm String embargoUntil,
                           @RestForm String products, SecurityContext security, UriInfo uri) {
        return respond(new IngestRequest(bytes(file), file.contentType(), file.fileName(), source, language,
                list(targets), priority, instant(embargoUntil), user(security), list(products)), uri);
    }

    /** Ingest a raw body of any type; its Content-Type is the declared type. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response ingestRaw(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                              @RestQuery String filename, @RestQuery String source, @RestQuery String language,
                              @RestQuery String targets, @RestQuery String priority, @RestQuery String embargoUntil,
                              @RestQuery String products, SecurityContext security, UriInfo uri) {
        return respond(new IngestRequest(body, contentType, filename, source, language, list(targets), priority,
                instant(embargoUntil), user(security), list(products)), uri);
    }

    /**
     * A correction as multipart/form-data: part {@code file} (any format ingest reads) becomes the article's next
     * revision; its translations turn stale and are re-done.
     */
    @POST
    @Path("{id}/correct")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ArticleView correctUpload(@RestPath String id, @RestForm("file") FileUpload file, @RestForm String source,
                                     @RestForm String language, @RestForm String targets, @RestForm String priority,
                                     @RestForm String embargoUntil, @RestForm String products,
                                     SecurityContext security) {
        return corrected(ingest.correct(id, new IngestRequest(bytes(file), file.contentType(), file.fileName(),
                source, language, list(targets), priority, instant(embargoUntil), user(security), list(products))));
    }

    /**
     * A correction as a raw body of any type (its Content-Type is the declared type), or as JSON blocks
     * ({@code application/json}: {@code {"title", "byline", "blocks": [{"type", "text"}]}}).
     */
    @POST
    @Path("{id}/correct")
    @Consumes(MediaType.WILDCARD)
    public ArticleView correctRaw(@RestPath String id, byte[] body,
                                  @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @RestQuery String filename, @RestQuery String source, @RestQuery String language,
                                  @RestQuery String targets, @RestQuery String priority,
                                  @RestQuery String embargoUntil, @RestQuery String products,
                                  SecurityContext security) {
        return corrected(ingest.correct(id, new IngestRequest(body, contentType, filename, source, language,
                list(targets), priority, instant(embargoUntil), user(security), list(products))));
    }

    private ArticleView corrected(ArticleService.Stored stored) {
        // the stored revision as committed (this request's session read the article before the correction)
        return withTranslations(ArticleView.of(stored.article(), stored.revision(),
                stored.outcome().name().toLowerCase()), stored.article().id);
    }

    private Response respond(IngestRequest request, UriInfo uri) {
        List<ArticleService.Stored> stored = ingest.ingest(request);
        boolean anyNew = stored.stream().anyMatch(s -> s.outcome() != ArticleService.Outcome.DUPLICATE);
        List<ArticleView> views = stored.stream()
                .map(s -> ArticleView.of(s.article(), s.revision(), s.outcome().name().toLowerCase()))
                .toList();
        if (views.size() == 1) {
            ArticleView view = views.get(0);
            Response.ResponseBuilder response = Response.status(anyNew ? 201 : 200).entity(view);
            return anyNew ? response.location(uri.getBaseUriBuilder().path("api/v1/articles").path(view.id()).build())
                    .build() : response.build();
        }
        return Response.status(anyNew ? 201 : 200).entity(new ArticleView.Batch(views)).build();
    }

    @GET
    public ArticleView.Page list(@RestQuery String cursor, @RestQuery String limit, @RestQuery String language,
                                 @RestQuery String source, @RestQuery String status, @RestQuery String q) {
        int size = Params.integer("limit", limit, 1, 100, 20);
        PubStatus pubStatus = null;
        if (status != null) {
            pubStatus = PubStatus.parse(status);
            if (pubStatus == null) {
                throw ApiProblem.badRequest("invalid-status", "status must be one of usable, withheld, canceled");
            }
        }
        ArticleService.Page page = articles.list(new ArticleService.Filter(language, source, pubStatus, q), cursor, size);
        return new ArticleView.Page(page.items().stream().map(ArticleView.Summary::of).toList(), page.next());
    }

    public record KillRequest(String reason) {
    }

    /** Kills the article: every language version is canceled in every feed and partners are told. */
    @POST
    @Path("{id}/kill")
    @Consumes(MediaType.APPLICATION_JSON)
    public ArticleView kill(@RestPath String id, KillRequest request) {
        kills.kill(id, request == null ? null : request.reason());
        return get(id, null);
    }

    @GET
    @Path("{id}")
    public ArticleView get(@RestPath String id, @RestQuery String version) {
        var revision = articles.revision(id, Params.integer("version", version, 1, Integer.MAX_VALUE, null));
        return withTranslations(ArticleView.of(revision.article, revision, null), id);
    }

    private ArticleView withTranslations(ArticleView view, String id) {
        return view.withTranslations(translations.list(id).stream()
                .map(t -> new ArticleView.Translation(t.language, t.status.name(), t.sourceVersion)).toList());
    }

    @GET
    @Path("{id}/revisions")
    public List<ArticleView> revisions(@RestPath String id) {
        return articles.revisions(id).stream().map(r -> ArticleView.of(r.article, r, null)).toList();
    }

    /** The original bytes, as an attachment: an uploaded HTML page is never rendered in the API's origin. */
    @GET
    @Path("{id}/original")
    @Produces(MediaType.WILDCARD)
    public Response original(@RestPath String id, @RestQuery String version) {
        ArticleService.Original original = articles.original(id, Params.integer("version", version, 1,
                Integer.MAX_VALUE, null));
        String name = original.filename() == null ? id : original.filename();
        return Response.ok(original.bytes(), original.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_")
                        + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(original.sha256())))
                .build();
    }

    private static byte[] bytes(FileUpload file) {
        if (file == null) {
            throw ApiProblem.badRequest("missing-file", "The multipart request has no part named 'file'");
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String user(SecurityContext security) {
        return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }

    private static List<String> list(String targets) {
        if (targets == null || targets.isBlank()) {
            return List.of();
        }
        return Arrays.stream(targets.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-embargo",
                    "embargoUntil must be an ISO-8601 timestamp with offset, e.g. 2024-11-09T06:00:00Z");
        }
    }
}
