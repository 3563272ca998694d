package io.lingowire.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "lingowire.security")
public interface SecurityConfig {

    /** How long a bearer token issued by {@code POST /api/v1/tokens} stays valid. */
    @WithDefault("12h")
    Duration tokenTtl();
}
