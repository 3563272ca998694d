package io.lingowire.common.db;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The one JDBC driver the gateway is built with: it hands each connection to H2 or to MySQL Connector/J by the
 * JDBC URL given at start ({@code jdbc:h2:…} or {@code jdbc:mysql:…} / {@code jdbc:mariadb:…}), so one artifact
 * runs on the embedded database and on MySQL/MariaDB without rebuilding.
 *
 * <p>Quarkus fixes the database kind at build time (it picks the driver and the Hibernate dialect from it). The
 * build says {@code mysql}; H2 runs in its MySQL compatibility mode ({@code MODE=MySQL}), which accepts the MySQL
 * dialect's SQL, and the Liquibase changelog sees the real database through the connection.
 */
public final class UrlRoutedDriver implements Driver {

    private static final Driver H2 = new org.h2.Driver();
    private static final Driver MYSQL = mysql();

    private static Driver mysql() {
        try {
            return new com.mysql.cj.jdbc.Driver();
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The database behind a JDBC URL, or {@code null} for a URL neither driver takes. */
    public static Kind kindOf(String url) {
        if (url == null) {
            return null;
        }
        if (url.startsWith("jdbc:h2:")) {
            return Kind.H2;
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return Kind.MYSQL;
        }
        return null;
    }

    /** The databases one artifact serves. */
    public enum Kind { H2, MYSQL }

    private static Driver target(String url) throws SQLException {
        Kind kind = kindOf(url);
        if (kind == null) {
            throw new SQLException("Lingowire runs on H2 (jdbc:h2:…) or MySQL/MariaDB (jdbc:mysql:…), not on "
                    + url.replaceFirst("^(jdbc:[^:]+:).*", "$1…"));
        }
        return kind == Kind.H2 ? H2 : MYSQL;
    }

    /** Connector/J speaks to MariaDB too; the MariaDB scheme is accepted as a synonym of the MySQL one. */
    private static String forConnectorJ(String url) {
        return url.startsWith("jdbc:mariadb:") ? "jdbc:mysql:" + url.substring("jdbc:mariadb:".length()) : url;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        return acceptsURL(url) ? target(url).connect(forConnectorJ(url), info) : null;
    }

    @Override
    public boolean acceptsURL(String url) {
        return kindOf(url) != null;
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return target(url).getPropertyInfo(forConnectorJ(url), info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
