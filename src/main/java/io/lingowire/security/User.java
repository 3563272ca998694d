package io.lingowire.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import io.lingowire.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** An editor or admin. Basic authentication is served from this table by quarkus-security-jpa (bcrypt hashes). */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends PanacheEntityBase {

    @Id
    public String id;

    @Username
    public String username;

    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    /** Comma-separated {@link Role} names. */
    @Roles
    public String roles;

    @Column(name = "created_at")
    public Instant createdAt;

    public static User create(String username, String password, String roles) {
        User user = new User();
        user.id = Ids.newId();
        user.username = username;
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.roles = roles;
        user.createdAt = Instant.now();
        user.persist();
        return user;
    }

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
