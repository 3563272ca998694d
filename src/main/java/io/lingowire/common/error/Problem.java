package io.lingowire.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;

/** The RFC 9457 problem document every error response carries. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
