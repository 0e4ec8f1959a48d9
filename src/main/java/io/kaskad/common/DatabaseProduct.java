package io.kaskad.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/** The name the database gives itself, for the few statements written differently per database. */
final class DatabaseProduct {

    private DatabaseProduct() {
    }

    static String name(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's name", e);
        }
    }

    /** Whether the name is MySQL's or MariaDB's (which also speaks MySQL's dialect). */
    static boolean isMySqlOrMariaDb(String productName) {
        String product = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb");
    }
}
