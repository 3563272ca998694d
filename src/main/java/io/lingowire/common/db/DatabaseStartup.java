package io.lingowire.common.db;

import io.quarkus.liquibase.LiquibaseFactory;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import liquibase.Liquibase;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings the database up to date before anything else runs, once per cluster at a time:
 * <ol>
 * <li>refuses a MySQL-protocol server too old for the job queue ({@code SKIP LOCKED}) and the schema: MySQL before
 * 8.0, MariaDB before 10.6. Hibernate's own check is off: MariaDB introduces itself to Connector/J as
 * {@code 5.5.5-10.x}, which that check reads as MySQL 5.5; here the server's real version is read;</li>
 * <li>runs the Liquibase changelog while holding the server's named lock {@code lingowire.migrations}. Replicas that
 * start together on an empty database otherwise raced each other through the first changesets (measured:
 * "Table 'app_user' already exists" on the second of two replicas), Liquibase's own lock table being created by
 * both;</li>
 * <li>only then starts the scheduler ({@code quarkus.scheduler.start-mode=halted}), so that no job claim or poll
 * meets a table that is not there yet.</li>
 * </ol>
 */
@ApplicationScoped
public class DatabaseStartup {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class);
    private static final Pattern VERSION = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)");
    private static final String LOCK = "lingowire.migrations";
    private static final int LOCK_WAIT_SECONDS = 600;

    private final DataSource dataSource;
    private final LiquibaseFactory liquibase;
    private final Scheduler scheduler;

    DatabaseStartup(DataSource dataSource, LiquibaseFactory liquibase, Scheduler scheduler) {
        this.dataSource = dataSource;
        this.liquibase = liquibase;
        this.scheduler = scheduler;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean shared = !c.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2");
            if (shared) {
                String version = single(c, "SELECT VERSION()");
                String refusal = refusal(version);
                if (refusal != null) {
                    throw new IllegalStateException(refusal);
                }
                LOG.debugf("Database server %s", version);
                if (!"1".equals(single(c, "SELECT GET_LOCK('" + LOCK + "', " + LOCK_WAIT_SECONDS + ")"))) {
                    throw new IllegalStateException("Another replica held the migration lock for "
                            + LOCK_WAIT_SECONDS + " s; is a migration stuck?");
                }
            }
            try (Liquibase changelog = liquibase.createLiquibase()) {
                changelog.update(liquibase.createContexts(), liquibase.createLabels());
            } finally {
                if (shared) {
                    single(c, "SELECT RELEASE_LOCK('" + LOCK + "')");
                }
            }
        }
        scheduler.resume();
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
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
