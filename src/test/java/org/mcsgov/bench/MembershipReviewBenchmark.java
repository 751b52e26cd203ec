package org.mcsgov.bench;

import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class MembershipReviewBenchmark extends ProcessTestSupport {

    @Autowired JdbcTemplate jdbc;

    @Test
    void campaign() {
        long t0 = System.nanoTime();
        var city = new CityRegister(jdbc, directory, identityService).load(CityRegister.Shape.CITY);
        System.out.printf("%nBENCH register loaded: %d groups, %d memberships in %.1f s%n", city.groupIds().size(),
                city.memberships(), (System.nanoTime() - t0) / 1e9);
    }
}
