package io.kaskad.common;

import java.sql.Connection;
import java.sql.SQLException;

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
}
