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

    /** Datasource properties for a fresh database (H2) or the shared test database (PostgreSQL). */
    public static Map<String, String> fresh(String name) {
        if (postgres()) {
            return Map.of();
        }
        Path file = Path.of("target", "it-db", name + "-" + UUID.randomUUID()).toAbsolutePath();
        return Map.of("spring.datasource.url", "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
    }
}
