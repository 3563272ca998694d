package io.lingowire.security;

/** Role names used in {@code @RolesAllowed}. */
public final class Role {

    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String PARTNER = "partner";

    private Role() {
    }
}
