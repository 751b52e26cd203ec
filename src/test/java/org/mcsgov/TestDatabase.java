package org.mcsgov;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Which database the integration tests run on: an H2 file of their own under target/ by default, or the
 * PostgreSQL server of the `postgres` Maven profile (system property test.db=postgres).
 */
public final class TestDatabase {

    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/";

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("test.db"));
    }

    /** Datasource properties for a fresh database (H2) or the shared test database (PostgreSQL). */
    public static Map<String, String> fresh(String name) {
        if (postgres()) {
            return Map.of();
        }
        Path file = Path.of("target", "it-db", name + "-" + UUID.randomUUID()).toAbsolutePath();
        return Map.of("spring.datasource.url", "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }

    /** A database of its own, empty: a new H2 file, or a new database on the PostgreSQL server. */
    public static String emptyDatabaseUrl(String name) {
        if (!postgres()) {
            return fresh(name).get("spring.datasource.url");
        }
        String database = name.toLowerCase() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        onServer("CREATE DATABASE " + database);
        return POSTGRES_URL + database;
    }

    /** Drops a database made by {@link #emptyDatabaseUrl} on the PostgreSQL server (H2 files stay under target/). */
    public static void dropIfPostgres(String url) {
        if (postgres()) {
            onServer("DROP DATABASE IF EXISTS " + url.substring(POSTGRES_URL.length()));
        }
    }

    private static void onServer(String statement) {
        try (var connection = DriverManager.getConnection(POSTGRES_URL + "test", "postgres", "")) {
            connection.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 refused: " + statement, e);
        }
    }
}
