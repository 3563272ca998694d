package io.lingowire.ingest.read;

/** The bounds every reader works within. */
public record Limits(int maxChars, int maxDepth, int maxElements, int maxItems) {

    public BlockAssembler assembler() {
        return new BlockAssembler(maxChars);
    }
}
