package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.directory.AccountLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12 for accounts: a lockout undone by the facility's MCS administrator or the command line, a reactivation
 * after inactivity, one's own account, sessions that end (A8-3, A8-5, A11-2, A11-3, A11-4). Passwords:
 * {@link AccountPasswordIT}.
 */
@DisplayName("accounts: lockout and unlock, reactivation, own account, sessions (A8-3, A8-5, A11-2, A11-3, A11-4, N2-2)")
class AccountSecurityIT extends AccountTestSupport {

    @Autowired IdentityService identityService;
    @Autowired AccountLock accountLock;
    @Autowired JdbcClient jdbc;
    @Autowired AuthorizationService authorizations;

    /** Failed logins spaced beyond the engine's growing delay, so each one counts. */
    private void failLogins(String user, int count) {
        for (int attempt = 0; attempt < count; attempt++) {
            assertThat(send(user, "wrong" + attempt + "xx", HttpRequest.newBuilder(URI.create(url("/engine-rest/task")))
                    .GET()).statusCode()).isEqualTo(401);
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 120_000));
        }
    }

    private int rest(String user, String password) {
        return send(user, password, HttpRequest.newBuilder(URI.create(url("/engine-rest/task"))).GET()).statusCode();
    }

    @Test
    @DisplayName("A8-3, A11-3: a person locked by failed logins is unlocked by their facility's MCS administrator "
            + "(button, token, audited); another facility's administrator gets 403")
    void unlockByFacilityAdministrator() throws Exception {
        String user = person(DEMO_PASSWORD);
        failLogins(user, 5);
        assertThat(rest(user, DEMO_PASSWORD)).as("locked for good").isEqualTo(401);
        long staffId = directory.staffByUserId(user).orElseThrow().id();
        String page = "/register/staff/" + staffId;

        HttpClient other = registerSession("clinic-admin");
        String otherToken = formToken(page(other, "/register").body());
        assertThat(postForm(other, page + "/unlock", "_token=" + otherToken).statusCode()).isIn(403, 404);

        HttpClient admin = registerSession("nurse-admin");
        var detail = page(admin, page);
        assertThat(detail.body()).contains("ロックされています", "ロックを解除する");
        assertThat(postForm(admin, page + "/unlock", "_token=forged").statusCode()).isEqualTo(403);
        assertThat(rest(user, DEMO_PASSWORD)).isEqualTo(401);
        var unlocked = postForm(admin, page + "/unlock", "_token=" + formToken(detail.body()));
        assertThat(unlocked.statusCode()).isEqualTo(302);
        assertThat(rest(user, DEMO_PASSWORD)).isEqualTo(200);
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE user_id = 'nurse-admin' AND path = ? AND status = 302")
                .param(page + "/unlock").query(String.class).list()).containsExactly("unlocked " + user + " (failed logins)");
    }

    @Test
    @DisplayName("A11-2: an account locked for inactivity is reactivated by its facility's MCS administrator with a "
            + "reason (same button, audited, recorded); another facility's administrator 403, no reason 400")
    void reactivateAfterInactivityLock() throws Exception {
        String user = person(DEMO_PASSWORD);
        long staffId = directory.staffByUserId(user).orElseThrow().id();
        // as account-inactivity-review's Task_Lock leaves it: the review LOCKED, the register LOCKED, the engine lock
        jdbc.sql("INSERT INTO inactivity_review (staff_id, opened_at, status, office_informed_at) "
                + "VALUES (?, CURRENT_TIMESTAMP, 'LOCKED', CURRENT_TIMESTAMP)").param(staffId).update();
        directory.lock(staffId);
        assertThat(rest(user, DEMO_PASSWORD)).as("locked").isEqualTo(401);
        String page = "/register/staff/" + staffId;
        String reason = "reason=" + java.net.URLEncoder.encode("育児休業から復帰", StandardCharsets.UTF_8);

        HttpClient other = registerSession("clinic-admin");
        String otherToken = formToken(page(other, "/register").body());
        assertThat(postForm(other, page + "/unlock", "_token=" + otherToken + "&" + reason).statusCode()).isEqualTo(403);

        HttpClient admin = registerSession("nurse-admin");
        var detail = page(admin, page);
        assertThat(detail.body()).contains("使われていないため", "アカウントを再開する");
        String token = formToken(detail.body());
        var noReason = postForm(admin, page + "/unlock", "_token=" + token + "&reason=%20");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(postForm(admin, page + "/unlock", "_token=" + token).statusCode()).isEqualTo(400);
        assertThat(rest(user, DEMO_PASSWORD)).isEqualTo(401);

        var reactivated = postForm(admin, page + "/unlock", "_token=" + token + "&" + reason);
        assertThat(reactivated.statusCode()).isEqualTo(302);
        assertThat(rest(user, DEMO_PASSWORD)).as("logs in again").isEqualTo(200);
        assertThat(directory.staff(staffId).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT reactivated_by || ' ' || reason FROM inactivity_reactivation WHERE staff_id = ?")
                .param(staffId).query(String.class).list()).containsExactly("nurse-admin 育児休業から復帰");
        assertThat(jdbc.sql("SELECT status FROM inactivity_review WHERE staff_id = ?").param(staffId)
                .query(String.class).single()).isEqualTo("LOCKED");
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE user_id = 'nurse-admin' AND path = ? AND status = 302")
                .param(page + "/unlock").query(String.class).list())
                .containsExactly("reactivated " + user + " (inactivity): 育児休業から復帰");
        assertThat(page(admin, page).body()).contains("再開の記録", "育児休業から復帰");
    }

    @Test
    @DisplayName("A11-3: five bad HTTP Basic requests lock admin; --mcs.unlock=admin unlocks it from the command line")
    void adminUnlockedByCommand(@Autowired org.springframework.core.env.Environment environment) {
        try {
            failLogins("admin", 5);
            assertThat(rest("admin", "admin1234")).isEqualTo(401);
            ClockUtil.reset();
            int exit = org.mcsgov.AdminCommand.run("--mcs.unlock=admin",
                    "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                    "--camunda.bpm.process-engine-name=unlock");
            assertThat(exit).isZero();
            assertThat(rest("admin", "admin1234")).isEqualTo(200);
            assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE method = 'CLI' ORDER BY id DESC")
                    .query(String.class).list()).first().asString().contains("unlocked admin");
            assertThat(org.mcsgov.AdminCommand.run("--mcs.unlock=nobody-here",
                    "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                    "--camunda.bpm.process-engine-name=unlock")).isEqualTo(1);
        } finally {
            identityService.unlockUser("admin");
        }
    }

    @Test
    @DisplayName("A8-5: a person can neither delete nor rename their own Camunda user; camunda-admin can")
    void ownUserNotDeletable() {
        String user = person(DEMO_PASSWORD);
        var deleted = send(user, DEMO_PASSWORD, HttpRequest.newBuilder(URI.create(url("/engine-rest/user/" + user))).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(403);
        assertThat(deleted.body()).contains("MCS管理者");
        var renamed = send(user, DEMO_PASSWORD, HttpRequest.newBuilder(URI.create(url("/engine-rest/user/" + user + "/profile")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":\"someone-else\",\"firstName\":\"x\",\"lastName\":\"y\"}")));
        assertThat(renamed.statusCode()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId(user).count()).isEqualTo(1);
        assertThat(identityService.createUserQuery().userId("someone-else").count()).isZero();
        var own = authorizations.createAuthorizationQuery().userIdIn(user).resourceType(Resources.USER)
                .resourceId(user).singleResult();
        assertThat(own.isPermissionGranted(Permissions.DELETE)).as("no DELETE on one's own user").isFalse();
        assertThat(own.isPermissionGranted(Permissions.UPDATE)).as("the password stays changeable").isTrue();

        var renamedByAdmin = send("admin", "admin1234", HttpRequest.newBuilder(URI.create(url("/engine-rest/user/" + user
                + "/profile"))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":\"someone-else\",\"firstName\":\"x\",\"lastName\":\"y\"}")));
        assertThat(renamedByAdmin.statusCode()).as("an id change was a 500").isEqualTo(400);
        var profileByAdmin = send("admin", "admin1234", HttpRequest.newBuilder(URI.create(url("/engine-rest/user/" + user
                + "/profile"))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + user + "\",\"firstName\":\"花子\",\"lastName\":\"試験\"}")));
        assertThat(profileByAdmin.statusCode()).isEqualTo(204);
        var byAdmin = send("admin", "admin1234", HttpRequest.newBuilder(URI.create(url("/engine-rest/user/" + user))).DELETE());
        assertThat(byAdmin.statusCode()).isEqualTo(204);
    }

    @Test
    @DisplayName("N2-2, A8-5: a locked person's open webapp and register session ends at the next request")
    void sessionOfLockedPersonEnds() throws Exception {
        String user = person(DEMO_PASSWORD);
        HttpClient browser = browser();
        assertThat(webappLogin(browser, user, DEMO_PASSWORD)).isEqualTo(200);
        assertThat(page(browser, "/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
        assertThat(page(browser, "/register").statusCode()).isEqualTo(200);
        accountLock.lock(user);
        try {
            var ended = page(browser, "/camunda/api/engine/engine/default/task/count");
            assertThat(ended.statusCode()).isEqualTo(401);
            assertThat(ended.body()).contains("MCS管理者");
        } finally {
            identityService.unlockUser(user);
        }
        assertThat(page(browser, "/camunda/api/engine/engine/default/task/count").statusCode())
                .as("the session is gone, not just refused while locked").isEqualTo(401);
        assertThat(page(browser, "/register").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("A11-4: an idle session ends after 15 minutes by default")
    void idleTimeout(@Autowired org.springframework.boot.autoconfigure.web.ServerProperties server) {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(server.getServlet().getSession().getCookie().getSameSite().attributeValue()).isEqualTo("Lax");
    }

    private HttpClient registerSession(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = formToken(page(browser, "/register/login").body());
        assertThat(registerLogin(browser, user, DEMO_PASSWORD, token, "").statusCode()).isEqualTo(302);
        return browser;
    }
}
