package org.mcsgov.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** RecordMapper: a row onto a record by name, without the driver's exception per column (issue 17). */
class RecordMapperTest {

    enum Kind { CLINIC, NURSE }

    record Entry(long id, String facilityId, boolean active, Kind kind, OffsetDateTime validFrom, Long closedBy) {
    }

    @TempDir
    Path dir;

    private JdbcClient database() {
        var source = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:file:" + dir.resolve("db"), "sa", "");
        JdbcClient jdbc = JdbcClient.create(source);
        jdbc.sql("""
                CREATE TABLE entry (id BIGINT, facility_id VARCHAR(20), active BOOLEAN, kind VARCHAR(10),
                valid_from TIMESTAMP WITH TIME ZONE, closed_by BIGINT)""").update();
        for (int i = 1; i <= 100; i++) {
            jdbc.sql("INSERT INTO entry VALUES (?, ?, ?, ?, ?, NULL)").params(i, "f" + i, i % 2 == 0,
                    i % 2 == 0 ? "CLINIC" : "NURSE", OffsetDateTime.parse("2026-12-01T09:00:00+09:00")).update();
        }
        return jdbc;
    }

    @Test
    void byNameWithConversions() {
        List<Entry> rows = database().sql("SELECT * FROM entry ORDER BY id").query(RecordMapper.of(Entry.class)).list();
        assertThat(rows).hasSize(100);
        assertThat(rows.get(1)).isEqualTo(new Entry(2, "f2", true, Kind.CLINIC,
                rows.get(1).validFrom(), null));
        assertThat(rows.get(1).validFrom().toInstant()).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00Z").toInstant());
        assertThat(rows.get(0).active()).isFalse();
        assertThat(rows.get(0).kind()).isEqualTo(Kind.NURSE);
    }

    @Test
    void columnsInAnyOrderAndCamelCaseAliases() {
        Entry row = database().sql("""
                SELECT closed_by, kind, valid_from AS validFrom, active, facility_id AS "facilityId", id
                FROM entry WHERE id = 7""").query(RecordMapper.of(Entry.class)).single();
        assertThat(row.id()).isEqualTo(7);
        assertThat(row.facilityId()).isEqualTo("f7");
        assertThat(row.kind()).isEqualTo(Kind.NURSE);
    }

    /** As with Spring's mapper: a NULL is no value for a primitive component, not silently false. */
    @Test
    void nullIntoPrimitiveRefused() {
        JdbcClient jdbc = database();
        assertThatThrownBy(() -> jdbc.sql("SELECT id, facility_id, NULL AS active, kind, valid_from, closed_by "
                + "FROM entry WHERE id = 3").query(RecordMapper.of(Entry.class)).single())
                .hasMessageContaining("boolean");
    }

    /** A list's columns are matched before its first row: a query that does not fit fails even when it finds none. */
    @Test
    void listChecksTheColumnsOfAnEmptyResult() {
        JdbcClient jdbc = database();
        assertThat(jdbc.sql("SELECT * FROM entry WHERE id < 0").query(RecordMapper.list(Entry.class))).isEmpty();
        assertThat(jdbc.sql("SELECT * FROM entry WHERE id <= 2 ORDER BY id").query(RecordMapper.list(Entry.class)))
                .extracting(Entry::facilityId).containsExactly("f1", "f2");
        assertThatThrownBy(() -> jdbc.sql("SELECT id, facility_id FROM entry WHERE id < 0")
                .query(RecordMapper.list(Entry.class))).hasMessageContaining("Entry.active");
        assertThat(jdbc.sql("SELECT id, facility_id FROM entry WHERE id < 0").query(RecordMapper.of(Entry.class))
                .list()).as("a row mapper is asked only for rows").isEmpty();
    }

    @Test
    void missingColumnNamed() {
        JdbcClient jdbc = database();
        assertThatThrownBy(() -> jdbc.sql("SELECT id, facility_id FROM entry").query(RecordMapper.of(Entry.class)).list())
                .hasMessageContaining("no column for Entry.active");
    }

    /** Spring's mapper made H2 write an exception with its stack trace for each camel-case component of each row. */
    @Test
    void theDriverIsNotAskedForNamesItLacks() throws IOException {
        database().sql("SELECT * FROM entry").query(RecordMapper.of(Entry.class)).list();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".trace.db"));
        }
    }

    /** Every query of a record in the application goes through RecordMapper; simple values need no mapper. */
    @Test
    void noRecordMappedBySpringsReflectiveMapper() throws IOException {
        Pattern query = Pattern.compile("\\.query\\(([A-Za-z.]+)\\.class\\)");
        List<String> simple = List.of("Long", "String", "Integer", "Boolean", "Timestamp", "Double", "Instant",
                "LocalDate", "OffsetDateTime", "BigDecimal");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> found = sources.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    Matcher m = query.matcher(Files.readString(p));
                    return m.results().map(r -> p.getFileName() + ": " + r.group(1)).toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(hit -> !simple.contains(hit.substring(hit.indexOf(": ") + 2))
                    && !hit.startsWith("RecordMapper.java")).toList();
            assertThat(found).as("query(Record.class): use query(RecordMapper.of(Record.class))").isEmpty();
        }
    }
}
