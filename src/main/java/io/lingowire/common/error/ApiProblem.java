package io.lingowire.common.error;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be honoured, told to the client as an RFC 9457 problem. Throw it from anywhere; the
 * {@link ProblemMapper} turns it into {@code application/problem+json}. The type is a short slug that names the
 * kind of problem, so that clients can branch on it without parsing the detail.
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_BASE = "https://lingowire.io/problems/";

    private final int status;
    private final String type;
    private final String title;
    /** Seconds the client should wait before trying again (429, 503), sent as {@code Retry-After}. */
    private Long retryAfter;
    /** RFC 9457 extension members the client can act on, such as the languages that can be served. */
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ApiProblem(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public ApiProblem(int status, String type, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ApiProblem badRequest(String type, String detail) {
        return new ApiProblem(400, type, "Bad request", detail);
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ApiProblem forbidden(String type, String detail) {
        return new ApiProblem(403, type, "Forbidden", detail);
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(409, type, "Conflict", detail);
    }

    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        ApiProblem problem = new ApiProblem(429, "rate-limited", "Too many requests", detail);
        problem.retryAfter = retryAfterSeconds;
        return problem;
    }

    public static ApiProblem tooLarge(String detail) {
        return new ApiProblem(413, "payload-too-large", "Payload too large", detail);
    }

    public static ApiProblem unsupportedType(String detail) {
        return new ApiProblem(415, "unsupported-media-type", "Unsupported media type", detail);
    }

    public static ApiProblem unreadable(String type, String detail) {
        return new ApiProblem(422, type, "Document cannot be read", detail);
    }

    /** A well-formed request that asks for something that cannot be done (422). */
    public static ApiProblem unprocessable(String type, String title, String detail) {
        return new ApiProblem(422, type, title, detail);
    }

    /** Adds an extension member to the problem document. */
    public ApiProblem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    public int status() {
        return status;
    }

    /** The problem's short name (the last part of its type URI), e.g. {@code empty-document}. */
    public String slug() {
        return type;
    }

    public URI type() {
        return URI.create(TYPE_BASE + type);
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Long retryAfter() {
        return retryAfter;
    }
}
