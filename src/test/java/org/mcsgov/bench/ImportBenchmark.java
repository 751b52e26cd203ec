package org.mcsgov.bench;

import java.util.ArrayList;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (mvn verify -Pbench -Dtest=ImportBenchmark; never part of the normal suite): a city's 初期移行 — 100
 * facilities and 2,000 staff (-Dbench.facilities, -Dbench.staff) — checked (the dry run of the start) and imported by
 * register-import's chunk jobs, against a bare JDBC batch insert of the same rows into a table of their own. Prints
 * the totals and the cost per row of each and their ratio. Groups and memberships have no import file yet.
 */
class ImportBenchmark extends EngineTestSupport {

    private static final int FACILITIES = Integer.getInteger("bench.facilities", 100);
    private static final int STAFF = Integer.getInteger("bench.staff", 2_000);

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
        String facilitiesCsv = csv("事業所ID,事業所名,種別,住所,電話番号,MCS利用,連携守秘誓約書の締結日", facilities);
        String staffCsv = csv("事業所ID,ユーザーID,氏名,ふりがな,職種,メールアドレス,役割", staff);
        int rows = FACILITIES + STAFF;

        long checkStart = System.nanoTime();
        ProcessInstance instance = start(office, "register-import", Map.of("facilitiesCsv", json(facilitiesCsv),
                "staffCsv", json(staffCsv)));
        double checkMs = (System.nanoTime() - checkStart) / 1e6;
        if (!Boolean.TRUE.equals(runtimeService.getVariable(instance.getId(), "importClean"))) {
            throw new AssertionError(runtimeService.getVariable(instance.getId(), "importProblems"));
        }
        long importStart = System.nanoTime();
        complete(instance, office, Map.of("importDecision", "import"));
        for (int round = 0; round < 100 && runtimeService.createProcessInstanceQuery()
                .processInstanceId(instance.getId()).count() > 0; round++) {
            runJobs(instance);
        }
        double importMs = (System.nanoTime() - importStart) / 1e6;

        double bareMs = bareInsert(facilities, staff);

        System.out.printf("%nBENCH import city: %d facilities, %d staff = %d rows%n", FACILITIES, STAFF, rows);
        System.out.printf("BENCH dry run (start, files stored and checked) %.0f ms (%.2f ms/row)%n", checkMs, checkMs / rows);
        System.out.printf("BENCH import (confirmation to the end of the last chunk job) %.0f ms (%.2f ms/row)%n",
                importMs, importMs / rows);
        System.out.printf("BENCH total %.1f s (goal < 300 s)%n", (checkMs + importMs) / 1000);
        System.out.printf("BENCH bare JDBC batch insert of the same rows %.0f ms (%.3f ms/row); import/bare ratio %.0f%n",
                bareMs, bareMs / rows, importMs / bareMs);
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

    /** The same rows into two plain tables of their own, one batch each: what the bare database costs (ms). */
    private double bareInsert(List<List<String>> facilities, List<List<String>> staff) {
        jdbcTemplate.execute("CREATE TABLE bench_facility (id VARCHAR(32), name VARCHAR(200), kind VARCHAR(32), "
                + "address VARCHAR(300), telephone VARCHAR(32), uses_mcs VARCHAR(8), agreement VARCHAR(16))");
        jdbcTemplate.execute("CREATE TABLE bench_staff (facility_id VARCHAR(32), user_id VARCHAR(64), name VARCHAR(100), "
                + "kana VARCHAR(100), profession VARCHAR(32), email VARCHAR(200), roles VARCHAR(64))");
        try {
            long start = System.nanoTime();
            jdbcTemplate.batchUpdate("INSERT INTO bench_facility VALUES (?, ?, ?, ?, ?, ?, ?)",
                    facilities.stream().map(List::toArray).toList());
            jdbcTemplate.batchUpdate("INSERT INTO bench_staff VALUES (?, ?, ?, ?, ?, ?, ?)",
                    staff.stream().map(List::toArray).toList());
            return (System.nanoTime() - start) / 1e6;
        } finally {
            jdbcTemplate.execute("DROP TABLE bench_facility");
            jdbcTemplate.execute("DROP TABLE bench_staff");
        }
    }
}
