package org.mcsgov;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Which database the integration tests run on: an H2 file of their own under target/ by default, or the
 * PostgreSQL server of the `postgres` Maven profile (system property test.db=postgres).
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("test.db"));
    }

    /** A database of its own, empty: a new H2 file, or a new database on the PostgreSQL server. */
    public static String emptyDatabaseUrl(String name) {
        if (!postgres()) {
            return fresh(name).get("spring.datasource.url");
        }
        String database = name.toLowerCase() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (var connection = java.sql.DriverManager.getConnection(POSTGRES_URL + "test", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create a database on the PostgreSQL server", e);
        }
        return POSTGRES_URL + database;
    }

    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/";

    /** Datasource properties for a fresh database (H2) or the shared test database (PostgreSQL). */
    public static Map<String, String> fresh(String name) {
        if (postgres()) {
            return Map.of();
        }
        Path file = Path.of("target", "it-db", name + "-" + UUID.randomUUID()).toAbsolutePath();
        return Map.of("spring.datasource.url", "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
    }
}
