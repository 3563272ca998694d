package io.lingowire.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "lingowire.ingest")
public interface IngestConfig {

    /** Largest document accepted; larger uploads get 413. Keep below {@code quarkus.http.limits.max-body-size}. */
    @WithDefault("25M")
    MemorySize maxDocumentSize();

    /** Most characters of text one document may expand to (zip bombs, runaway parsers): 422 beyond it. */
    @WithDefault("2000000")
    int maxTextChars();

    /** Longest a single document may take to parse before it is refused with 422. */
    @WithDefault("30s")
    Duration parseTimeout();

    /** Threads that parse documents, off the event loop. */
    @WithDefault("4")
    int parseThreads();

    /** Documents waiting for a parse thread before new uploads get 503. */
    @WithDefault("64")
    int parseQueue();

    /** Deepest element nesting accepted in XML and HTML. */
    @WithDefault("256")
    int maxNestingDepth();

    /** Most elements accepted in one HTML or XML document. */
    @WithDefault("200000")
    int maxElements();

    /** Most items taken from one feed file or NewsML-G2 package. */
    @WithDefault("500")
    int maxItemsPerDocument();

    /**
     * The languages the detector chooses between (BCP47). Detection is restricted to them: fewer languages is
     * faster and more accurate. Arabic-script languages (ar, fa, ur, ps) are told apart by letter rules.
     */
    @WithDefault("en,es,fr,ca,de,it,pt,nl,ru,tr,ar,fa,ur,ps")
    List<String> languages();

    /**
     * Which of Lingua's n-gram models the detector keeps: {@code full} (one- to five-grams) or {@code compact}
     * (trigrams only). Lingua reads texts of 120 characters and more with trigrams alone, so both give the same
     * answers there; on shorter texts (a 40-120-character paragraph, a short translation) {@code full} is more
     * accurate, at about 27 MB of heap and 0.3 s of loading per Latin- or Cyrillic-script language (measured by
     * src/test/bench/detection-bench.sh, docs/benchmarks.md).
     */
    @WithDefault("full")
    DetectionModels detectionModels();

    enum DetectionModels { full, compact }
}
