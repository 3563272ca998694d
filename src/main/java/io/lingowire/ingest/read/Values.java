package io.lingowire.ingest.read;

/** Small helpers the readers share. */
final class Values {

    private Values() {
    }

    /** The first value that is present and not blank, or null. */
    static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
