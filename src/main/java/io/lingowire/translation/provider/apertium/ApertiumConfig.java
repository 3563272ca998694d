package io.lingowire.translation.provider.apertium;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The local Apertium engine (Debian packages {@code apertium} and its pairs, e.g. {@code apertium-eng-spa}). */
@ConfigMapping(prefix = "lingowire.providers.apertium")
public interface ApertiumConfig {

    /** The {@code apertium} command. */
    @WithDefault("apertium")
    String command();

    /** Where the installed pairs' mode files are; each {@code eng-spa.mode} is one pair. */
    @WithDefault("/usr/share/apertium/modes")
    String modesDir();

    /** Time allowed for one call of the engine. */
    @WithDefault("60s")
    Duration timeout();
}
