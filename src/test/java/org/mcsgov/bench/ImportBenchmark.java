package org.mcsgov.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.Fixture;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.migration.ImportFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (mvn verify -Pbench -Dtest=ImportBenchmark; never part of the normal suite): a city's 初期移行 — 100
 * facilities, 2,000 staff, 10,000 groups (one in ten a free group, the others patient groups with their patient and
 * consent), 50,000 memberships and 2 devices per facility (-Dbench.facilities, -Dbench.staff, -Dbench.groups,
 * -Dbench.members-per-group, -Dbench.devices-per-facility) — checked (the dry run of the start) and imported by
 * register-import's chunk jobs, against a bare JDBC batch insert of the same rows into tables of their own. Prints
 * the totals and the cost per row of each, per file, and their ratio.
 */
class ImportBenchmark extends EngineTestSupport {

    private static final int FACILITIES = Integer.getInteger("bench.facilities", 100);
    private static final int STAFF = Integer.getInteger("bench.staff", 2_000);
    private static final int GROUPS = Integer.getInteger("bench.groups", 10_000);
    private static final int MEMBERS_PER_GROUP = Integer.getInteger("bench.members-per-group", 5);
    private static final int DEVICES_PER_FACILITY = Integer.getInteger("bench.devices-per-facility", 2);

    @Autowired JdbcTemplate jdbcTemplate;

    @Test
    void cityImportAgainstBareInserts() {
        String office = Fixture.facility(directory, FacilityKind.ASSOCIATION).person("office", Role.OFFICE).userId();
        String prefix = "b" + Long.toString(System.nanoTime() % 100_000, 36);
        List<List<String>> facilities = new ArrayList<>();
        for (int i = 0; i < FACILITIES; i++) {
            facilities.add(List.of(prefix + "-f" + i, "市内事業所 " + i, "診療所", "東京都小平市" + i, "042-000-" + (1000 + i),
                    "はい", "2022/08/01"));
        }
        List<List<String>> staff = new ArrayList<>();
        for (int i = 0; i < STAFF; i++) {
            String facility = prefix + "-f" + (i % FACILITIES);
            String role = i < FACILITIES ? "事業所管理者・MCS管理者" : i < 3 * FACILITIES ? "担当者" : "";
            staff.add(List.of(facility, prefix + "-s" + i, "職員 " + i, "ショクイン", "看護師",
                    prefix + "-s" + i + "@example.jp", role));
        }
        // the staff of facility k are s(k), s(k + FACILITIES), …; a group's coordinator and members are of its facility
        int perFacility = STAFF / FACILITIES;
        List<List<String>> patients = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        List<List<String>> members = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            int facilityIndex = g % FACILITIES;
            String facility = prefix + "-f" + facilityIndex;
            int coordinator = (g / FACILITIES) % perFacility;
            String name = "グループ " + g;
            if (g % 10 == 9) {
                groups.add(List.of(facility, name, "フリー", "", "", "地域の多職種連携 " + g,
                        staffId(prefix, facilityIndex, coordinator), "2023/01/01"));
            } else {
                String kana = "カンジャ " + kana(g);
                String birth = (1930 + g % 50) + "/" + (1 + g % 12) + "/" + (1 + g % 28);
                patients.add(List.of(facility, "患者 " + g, kana, birth, "2023/04/01", g % 2 == 0 ? "本人" : "家族",
                        g % 2 == 0 ? "" : "家族 " + g, g % 2 == 0 ? "" : "長女", "同意書-" + g));
                groups.add(List.of(facility, name, "患者", kana, birth, "", staffId(prefix, facilityIndex, coordinator),
                        "2023/04/10"));
            }
            for (int k = 1; k <= MEMBERS_PER_GROUP; k++) {
                members.add(List.of(facility, name, staffId(prefix, facilityIndex, (coordinator + k) % perFacility),
                        "2023/05/" + (1 + k)));
            }
        }
        List<List<String>> devices = new ArrayList<>();
        for (int i = 0; i < FACILITIES * DEVICES_PER_FACILITY; i++) {
            devices.add(List.of(prefix + "-f" + (i % FACILITIES), "PC-" + i, "パソコン", "ノートPC " + i, "事業所所有", ""));
        }
        Map<String, List<List<String>>> files = new LinkedHashMap<>();
        files.put("facilitiesCsv", facilities);
        files.put("staffCsv", staff);
        files.put("patientsCsv", patients);
        files.put("groupsCsv", groups);
        files.put("membershipsCsv", members);
        files.put("devicesCsv", devices);
        Map<String, Object> variables = new HashMap<>();
        for (ImportFile kind : ImportFile.values()) {
            variables.put(kind.fileName() + "Csv", json(csv(String.join(",", kind.headers()),
                    files.get(kind.fileName() + "Csv"))));
        }
        int rows = files.values().stream().mapToInt(List::size).sum();

        long checkStart = System.nanoTime();
        ProcessInstance instance = start(office, "register-import", variables);
        double checkMs = (System.nanoTime() - checkStart) / 1e6;
        if (!Boolean.TRUE.equals(runtimeService.getVariable(instance.getId(), "importClean"))) {
            throw new AssertionError(runtimeService.getVariable(instance.getId(), "importProblems"));
        }
        long importStart = System.nanoTime();
        complete(instance, office, Map.of("importDecision", "import"));
        for (int round = 0; round < 1000 && runtimeService.createProcessInstanceQuery()
                .processInstanceId(instance.getId()).count() > 0; round++) {
            runJobs(instance);
        }
        double importMs = (System.nanoTime() - importStart) / 1e6;
        if (runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
            throw new AssertionError("the import did not end");
        }
        // the time each file's chunks took, from the migrated rows' timestamps (first to last row of the file)
        String perFile = String.join(", ", jdbcTemplate.query("""
                SELECT kind, COUNT(*), MIN(migrated_at), MAX(migrated_at) FROM migrated_row
                WHERE import_id = (SELECT id FROM register_import WHERE process_instance_id = ?) GROUP BY kind
                ORDER BY MIN(migrated_at)""", (rs, n) -> String.format("%s %d rows in %.1f s", rs.getString(1),
                rs.getLong(2), Duration.between(rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class)).toMillis() / 1000.0), instance.getId()));

        double bareMs = bareInsert(files);

        System.out.printf("%nBENCH import city: %d facilities, %d staff, %d patients, %d groups, %d memberships, "
                + "%d devices = %d rows%n", FACILITIES, STAFF, patients.size(), GROUPS, members.size(), devices.size(), rows);
        System.out.printf("BENCH migrated rows: %s%n", perFile);
        System.out.printf("BENCH dry run (start, files stored and checked) %.0f ms (%.2f ms/row)%n", checkMs, checkMs / rows);
        System.out.printf("BENCH import (confirmation to the end of the last chunk job) %.0f ms (%.2f ms/row)%n",
                importMs, importMs / rows);
        System.out.printf("BENCH total %.1f s (goal < 300 s)%n", (checkMs + importMs) / 1000);
        System.out.printf("BENCH bare JDBC batch insert of the same rows %.0f ms (%.3f ms/row); import/bare ratio %.0f%n",
                bareMs, bareMs / rows, importMs / bareMs);
        BenchFigures.record(String.format("ImportBenchmark: %d rows checked and imported, vs a bare JDBC batch insert", rows),
                (checkMs + importMs) / 1000, bareMs / 1000, "s");
    }

    /** A file longer than a String variable's 4,000 characters travels as one JSON string (README 本番導入の手順). */
    private static Object json(String text) {
        try {
            return SpinValues.jsonValue(new ObjectMapper().writeValueAsString(text)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String csv(String header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder(header).append("\r\n");
        rows.forEach(row -> text.append(String.join(",", row)).append("\r\n"));
        return text.toString();
    }

    private static String staffId(String prefix, int facilityIndex, int nth) {
        return prefix + "-s" + (facilityIndex + nth * FACILITIES);
    }

    /** A patient's kana unique per group: the group's number in katakana digits. */
    private static String kana(int number) {
        String digits = "アイウエオカキクケコ";
        StringBuilder kana = new StringBuilder();
        for (char c : Integer.toString(number).toCharArray()) {
            kana.append(digits.charAt(c - '0'));
        }
        return kana.toString();
    }

    /** The same rows into plain tables of their own (one per file), one batch each: what the bare database costs (ms). */
    private double bareInsert(Map<String, List<List<String>>> files) {
        List<String> tables = new ArrayList<>();
        try {
            long total = 0;
            for (var file : files.entrySet()) {
                if (file.getValue().isEmpty()) {
                    continue;
                }
                int columns = file.getValue().get(0).size();
                String table = "bench_" + file.getKey().replace("Csv", "");
                List<String> definitions = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    definitions.add("c" + c + " VARCHAR(300)");
                }
                jdbcTemplate.execute("CREATE TABLE " + table + " (" + String.join(", ", definitions) + ")");
                tables.add(table);
                long start = System.nanoTime();
                jdbcTemplate.batchUpdate("INSERT INTO " + table + " VALUES (" + "?, ".repeat(columns - 1) + "?)",
                        file.getValue().stream().map(List::toArray).toList());
                total += System.nanoTime() - start;
            }
            return total / 1e6;
        } finally {
            tables.forEach(table -> jdbcTemplate.execute("DROP TABLE " + table));
        }
    }
}
