package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.NewStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/** A11-3: guessing from one address is slowed by address, and never locks the person named in the guesses. */
@DisplayName("login throttle per source address (A11-3)")
class LoginThrottleIT extends AppTestSupport {

    @Autowired DirectoryService directory;
    @Autowired JdbcClient jdbc;

    @Autowired LoginThrottle throttle;
    private Object configured;

    /**
     * The shared application (a second one in this JVM would register a second engine "default", which the REST API
     * then finds instead): every test calls from 127.0.0.1 with a limit no one reaches (AppTestSupport), so this one
     * sets 3 failures, with nothing remembered, for its own duration.
     */
    @BeforeEach
    void strict() {
        forget();
        configured = ReflectionTestUtils.getField(throttle, "maxFailures");
        ReflectionTestUtils.setField(throttle, "maxFailures", 3);
    }

    @AfterEach
    void asBefore() {
        ReflectionTestUtils.setField(throttle, "maxFailures", configured);
        forget();
        ClockUtil.reset();
    }

    private void forget() {
        ((Map<?, ?>) ReflectionTestUtils.getField(throttle, "byAddress")).clear();
    }

    private String person() {
        String user = "th" + UUID.randomUUID().toString().substring(0, 8);
        directory.registerStaff(new NewStaff("nurse", user, "試験 次郎", "シケン ジロウ", "看護師", user + "@example.jp",
                DEMO_PASSWORD, Set.of()), "test", null);
        return user;
    }

    private HttpResponse<String> rest(String user, String password) {
        return send(user, password, HttpRequest.newBuilder(URI.create(url("/engine-rest/task"))).GET());
    }

    @Test
    @DisplayName("after 3 failures the address gets 429 with a message, whoever it names, without a password check; "
            + "the person named is not locked and logs in once the delay is over")
    void throttledByAddress() {
        String victim = person();
        String colleague = person();
        ClockUtil.setCurrentTime(new Date());
        for (int guess = 0; guess < 3; guess++) {
            assertThat(rest(victim, "guess" + guess + "xx").statusCode()).isEqualTo(401);
        }
        int counted = jdbc.sql("SELECT COALESCE(ATTEMPTS_, 0) FROM ACT_ID_USER WHERE ID_ = ?").param(victim).query(Integer.class).single();

        var throttled = rest(victim, DEMO_PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("以降に、もう一度お試しください", "日本時間", "try again in");
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(rest(colleague, DEMO_PASSWORD).statusCode()).as("by address, not by name").isEqualTo(429);
        assertThat(webappLogin(browser(), colleague, DEMO_PASSWORD)).isEqualTo(429);
        assertThat(post(null, "/account/password", Map.of("userId", victim, "currentPassword", "guess9xx",
                "newPassword", "next1234a")).statusCode()).isEqualTo(429);
        for (int guess = 0; guess < 20; guess++) {
            rest(victim, "more" + guess + "xx");
        }
        assertThat(jdbc.sql("SELECT COALESCE(ATTEMPTS_, 0) FROM ACT_ID_USER WHERE ID_ = ?").param(victim).query(Integer.class).single())
                .as("throttled guesses never reach the account").isEqualTo(counted);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND event = 'LOGIN_FAILED' AND status = 429 "
                + "AND detail LIKE 'throttled%'").param(victim).query(Long.class).single()).isGreaterThanOrEqualTo(21);

        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60 * 60_000));
        assertThat(rest(victim, DEMO_PASSWORD).statusCode()).as("not locked by the guesses").isEqualTo(200);
    }
}
