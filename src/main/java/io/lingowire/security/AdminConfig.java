package io.lingowire.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The admin created on first start with an empty database. */
@ConfigMapping(prefix = "lingowire.admin")
public interface AdminConfig {

    /** Name of the bootstrap admin ({@code LINGOWIRE_ADMIN_USER}). */
    @WithDefault("admin")
    String user();

    /**
     * Password of the bootstrap admin ({@code LINGOWIRE_ADMIN_PASSWORD}). When unset, a random password is
     * generated and printed once in the log.
     */
    Optional<String> password();
}
