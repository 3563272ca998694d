package io.lingowire.ingest.read;

/** The bounds every reader works within. */
public record Limits(int maxChars, int maxDepth, int maxElements, int maxItems) {

    /** Refuses a document that holds more items (feed entries, package items, ninjs objects) than allowed. */
    public void checkItems(int count) {
        if (count > maxItems) {
            throw io.lingowire.common.error.ApiProblem.unreadable("too-many-items", "The document holds " + count
                    + " items; at most " + maxItems + " are accepted at once");
        }
    }

    public BlockAssembler assembler() {
        return new BlockAssembler(maxChars);
    }
}
