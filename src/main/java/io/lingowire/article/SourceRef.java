package io.lingowire.article;

/**
 * One link of the attribution chain. Roles: {@code originator} (who wrote it), {@code distributor} (who delivered
 * it to us), {@code cited} (an agency the text attributes its facts to), {@code provider} (the feed or account it
 * came in through).
 */
public record SourceRef(String name, String role) {

    public static final String ORIGINATOR = "originator";
    public static final String DISTRIBUTOR = "distributor";
    public static final String CITED = "cited";
    public static final String PROVIDER = "provider";
}
