package org.mcsgov.security;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.platform.Csv;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The audit log of a period as CSV, for the association office's periodic review (A8-1, A8-3). */
@RestController
public class AuditController {

    private static final List<String> HEADER = List.of("番号", "日時", "種別", "ユーザーID", "メソッド", "パス",
            "ステータス", "プロセスインスタンス", "接続元", "詳細");

    private final AuditLog audit;
    private final CurrentUser currentUser;

    public AuditController(AuditLog audit, CurrentUser currentUser) {
        this.audit = audit;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/audit")
    public ResponseEntity<byte[]> export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (!currentUser.isOffice()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "監査ログは医師会事務局だけが読めます / office only");
        }
        if (to.isBefore(from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to は from 以降の日付にしてください / to before from");
        }
        List<List<Object>> rows = audit.between(from, to).stream().map(e -> Arrays.<Object>asList(e.id(), e.at(),
                e.event(), e.userId(), e.method(), e.path(), e.status(), e.processInstanceId(), e.remoteAddress(),
                e.detail())).toList();
        return Csv.response("audit-" + from + "-" + to + ".csv", HEADER, rows);
    }

    /** Outside every other filter, so that refused logins are recorded too. */
    @Bean
    static FilterRegistrationBean<AuditFilter> auditFilter(AuditLog audit, HistoryService history) {
        var registration = new FilterRegistrationBean<>(new AuditFilter(audit, history));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/admin/auth/user/*",
                "/camunda/api/engine/*", "/register", "/register/*", "/account/password", "/account/2fa",
                "/account/2fa/*", "/account/activate");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setName("mcs-audit");
        return registration;
    }

    /** Just behind the REST authentication (order + 20): whom /api and /engine-rest served. */
    @Bean
    static FilterRegistrationBean<AuthenticatedAs> authenticatedAs(IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new AuthenticatedAs(identityService));
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        registration.setName("mcs-authenticated-as");
        return registration;
    }
}
