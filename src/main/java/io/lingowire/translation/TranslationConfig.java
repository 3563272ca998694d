package io.lingowire.translation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

@ConfigMapping(prefix = "lingowire.translation")
public interface TranslationConfig {

    /**
     * Providers to try, in order, for any pair; the first that reports the pair translates it. Each name must be a
     * provider this build has (checked at start-up).
     */
    @WithDefault("apertium")
    List<String> providers();

    /** Segments sent to a provider in one call. */
    @WithDefault("50")
    int batchSize();
}
