package io.lingowire.common.db;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses to start on a MySQL-protocol server too old for the job queue ({@code SKIP LOCKED}) and the schema:
 * MySQL before 8.0, MariaDB before 10.6. Hibernate's own check is off because MariaDB introduces itself to
 * Connector/J as {@code 5.5.5-10.x}, which that check reads as MySQL 5.5; here the server's real version is read.
 */
@ApplicationScoped
public class DatabaseCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseCheck.class);
    private static final Pattern VERSION = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)");

    private final DataSource dataSource;

    DatabaseCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (product.equalsIgnoreCase("H2")) {
                return;
            }
            String version;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT VERSION()")) {
                r.next();
                version = r.getString(1);
            }
            String refusal = refusal(version);
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
            LOG.debugf("Database server %s", version);
        }
    }

    /** Why a server of this {@code VERSION()} cannot serve the gateway, or {@code null} when it can. */
    static String refusal(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.lookingAt()) {
            return null;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        boolean mariadb = version.toLowerCase().contains("mariadb");
        boolean old = mariadb ? major < 10 || (major == 10 && minor < 6) : major < 8;
        return old ? "Lingowire needs MySQL 8.0+ or MariaDB 10.6+ (SELECT ... FOR UPDATE SKIP LOCKED); this server is "
                + version : null;
    }
}
