package org.mcsgov.security.factor;

import org.mcsgov.account.LastLogin;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The second factor's place among the login filters (their order: security.SecurityConfiguration's numbers). */
@Configuration
public class FactorConfiguration {

    /**
     * Behind the password-change check (+10) and around Camunda's own login: a person who needs the second factor
     * is held as pending instead of logged in (LoginGate).
     */
    @Bean
    public FilterRegistrationBean<WebappLoginGate> webappLoginGate(LoginGate gate, LastLogin lastLogin) {
        var registration = new FilterRegistrationBean<>(new WebappLoginGate(gate, lastLogin));
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        registration.setName("mcs-webapp-login-gate");
        return registration;
    }

    /** Behind the session revocation (+8): a session held for its second factor is led to the code page. */
    @Bean
    public FilterRegistrationBean<PendingSessionFilter> pendingSessionFilter(LoginGate gate) {
        var registration = new FilterRegistrationBean<>(new PendingSessionFilter(gate));
        registration.addUrlPatterns("/camunda/api/*", "/register", "/register/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 9);
        registration.setName("mcs-pending-second-factor");
        return registration;
    }
}
