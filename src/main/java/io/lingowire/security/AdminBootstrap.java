package io.lingowire.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.Base64;

/** Creates the first admin on an empty database, so a fresh install can be logged into. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AdminConfig config;

    AdminBootstrap(AdminConfig config) {
        this.config = config;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (User.count() > 0) {
            return;
        }
        String password = config.password().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        User.create(config.user(), password, Role.ADMIN);
        if (generated) {
            // Printed exactly once, on the start that created the user: the only way to learn it.
            LOG.warnf("Created admin user '%s' with generated password: %s "
                    + "(set LINGOWIRE_ADMIN_PASSWORD to choose it; this is not shown again)", config.user(), password);
        } else {
            LOG.infof("Created admin user '%s' from LINGOWIRE_ADMIN_PASSWORD", config.user());
        }
    }
}
