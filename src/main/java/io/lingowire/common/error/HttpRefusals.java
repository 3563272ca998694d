package io.lingowire.common.error;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A refusal that happens before a resource is chosen, as a problem too: a request URI longer than {@link #MAX_URI} is
 * a 414 problem, where the HTTP layer would answer with a bare status. Two refusals stay bare, because the HTTP codec
 * (Vert.x) makes them before any application code runs and Quarkus offers no hook there: request lines beyond
 * {@code quarkus.http.limits.max-initial-line-length} (16 KB here) and URIs with broken percent-encoding
 * ({@code ?q=%zz}), both answered 4xx with an empty body and the connection closed.
 */
@ApplicationScoped
public class HttpRefusals {

    /** The longest request URI (path and query) answered; longer is a 414. */
    static final int MAX_URI = 8192;

    /** Installed first on the HTTP router, before security and the REST layer. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuse);
    }

    void refuse(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI) {
            answer(context, 414, "uri-too-long", "URI too long", "The request URI is " + uri.length()
                    + " characters; at most " + MAX_URI + " are accepted (send long input in the body)");
        } else {
            context.next();
        }
    }

    private static void answer(RoutingContext context, int status, String slug, String title, String detail) {
        JsonObject problem = new JsonObject().put("type", ApiProblem.TYPE_BASE + slug).put("title", title)
                .put("status", status).put("detail", detail);
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(problem.encode());
    }
}
