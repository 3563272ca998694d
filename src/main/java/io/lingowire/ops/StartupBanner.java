package io.lingowire.ops;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says where the gateway can be reached, once it is. */
@ApplicationScoped
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    void onStart(@Observes StartupEvent event) {
        String base = "http://localhost:" + port;
        LOG.infof("Lingowire is up: API %s/api/v1, API docs %s/q/swagger-ui, health %s/q/health, metrics %s/q/metrics"
                + " (database %s)", base, base, base, base, database.replaceAll("(?i)password=[^;&]*", "password=***"));
    }
}
