package org.mcsgov.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;
import org.mcsgov.directory.DirectoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (mvn verify -Pbench -Dtest=RegisterPagesBenchmark; never part of the normal suite): the register pages
 * on the city register of the review benchmark (10,000 groups, 50,000 memberships). Each page is fetched over HTTP
 * with HTTP Basic (so the figures include the login check), warmed up, then timed 20 times; prints the median and
 * the slowest, beside the existing /api members endpoint of one group as the baseline.
 */
class RegisterPagesBenchmark extends AppTestSupport {

    private static final int WARM_UP = 5;
    private static final int RUNS = Integer.getInteger("bench.runs", 20);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DirectoryService directory;
    @Autowired
    IdentityService identityService;

    @Test
    void pagesOnTheCityRegister() {
        long t0 = System.nanoTime();
        var city = new CityRegister(jdbc, directory, identityService).load(CityRegister.Shape.CITY);
        System.out.printf("%nBENCH city register loaded: %d groups, %d memberships in %.1f s%n",
                city.groupIds().size(), city.memberships(), (System.nanoTime() - t0) / 1e9);
        String clinic = city.clinics().get(0);
        String admin = city.adminOf().get(clinic);
        String coordinator = city.coordinatorOf().get(clinic);
        long group = jdbc.queryForObject("SELECT MIN(id) FROM patient_group WHERE facility_id = ?", Long.class, clinic);
        long staff = jdbc.queryForObject("SELECT id FROM staff WHERE user_id = ?", Long.class, coordinator);

        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("baseline /api/groups/{id}/members", new String[] {"office", "/api/groups/" + group + "/members"});
        pages.put("groups, office (all 10,000), page 1", new String[] {"office", "/register/groups"});
        pages.put("groups, office, page 100", new String[] {"office", "/register/groups?page=100"});
        pages.put("groups, office, name search", new String[] {"office", "/register/groups?q=" + clinic + "-5"});
        pages.put("groups, clinic coordinator (100)", new String[] {coordinator + ":" + CityRegister.PASSWORD, "/register/groups"});
        pages.put("group detail (members, history, day D)", new String[] {"office",
                "/register/groups/" + group + "?on=" + org.mcsgov.platform.EngineClock.today()});
        pages.put("group detail, clinic administrator", new String[] {admin + ":" + CityRegister.PASSWORD,
                "/register/groups/" + group});
        pages.put("staff, office, page 1", new String[] {"office", "/register/staff"});
        pages.put("staff, office, kana search", new String[] {"office", "/register/staff?q=ショクイン&status=ACTIVE"});
        pages.put("staff detail", new String[] {"office", "/register/staff/" + staff});
        pages.put("facilities, office", new String[] {"office", "/register/facilities"});
        pages.put("facility detail", new String[] {"office", "/register/facilities/" + clinic});
        pages.put("memberships of a group", new String[] {"office", "/register/memberships?group=" + group});
        pages.put("memberships, office, page 1 (50,000)", new String[] {"office", "/register/memberships"});
        pages.put("memberships, clinic administrator, page 1", new String[] {admin + ":" + CityRegister.PASSWORD,
                "/register/memberships"});
        pages.put("memberships, office, one person by name", new String[] {"office", "/register/memberships?q=" + coordinator});
        pages.put("CSV groups, office (10,000 rows)", new String[] {"office", "/register/groups.csv"});

        System.out.printf("BENCH register pages (median / slowest of %d, ms):%n", RUNS);
        pages.forEach((name, request) -> {
            String[] login = request[0].split(":");
            String password = login.length > 1 ? login[1] : DEMO_PASSWORD;
            double[] ms = time(login[0], password, request[1]);
            System.out.printf("BENCH   %-45s %7.1f %7.1f%n", name, ms[0], ms[1]);
            BenchFigures.record("RegisterPagesBenchmark: " + name + ", median of " + RUNS, ms[0], "ms");
        });
    }

    private double[] time(String user, String password, String path) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long start = System.nanoTime();
            var response = send(user, password, java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path))));
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " as " + user + ": " + response.statusCode() + " " + response.body());
            }
            if (i >= WARM_UP) {
                samples.add(ms);
            }
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 2], Arrays.stream(sorted).max().orElse(0)};
    }
}
