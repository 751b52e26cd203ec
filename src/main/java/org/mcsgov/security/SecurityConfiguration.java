package org.mcsgov.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.mcsgov.directory.AccountLock;
import org.mcsgov.directory.McsPasswordPolicy;
import org.mcsgov.directory.PasswordHistory;
import org.mcsgov.directory.PasswordService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters around every login: password change first, throttle, session checks, security headers, own-user
 * guard. /engine-rest and /api require a login (DESIGN.md §9: open by default): token.TokenConfiguration registers
 * the REST authentication (a personal access token or HTTP Basic against Camunda's identity service, which counts
 * failed logins and locks the account, login-max-attempts); factor.FactorConfiguration the second factor's gates.
 * The webapps keep their own session login and CSRF protection.
 */
@Configuration
public class SecurityConfiguration {

    /** Before the REST authentication: a login that must change its password first is refused (A11-3). */
    @Bean
    public FilterRegistrationBean<PasswordChangeFilter> passwordChange(PasswordService passwords,
                                                                       IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new PasswordChangeFilter(passwords, identityService));
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/admin/auth/user/*",
                "/camunda/api/engine/engine/*", "/register/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("mcs-password-change");
        return registration;
    }

    /** First of all: the browser protections on every answer, refusals included. */
    @Bean
    public FilterRegistrationBean<SecurityHeaders> securityHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("mcs-security-headers");
        return registration;
    }

    /** Before anything uses the session: a locked, suspended or departed person's session ends. */
    @Bean
    public FilterRegistrationBean<SessionRevocation> sessionRevocationFilter(AccountLock accounts) {
        var registration = new FilterRegistrationBean<>(new SessionRevocation(accounts));
        registration.addUrlPatterns("/camunda/api/*", "/register", "/register/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 8);
        registration.setName("mcs-session-revocation");
        return registration;
    }

    /** Before every password check: an address that keeps failing waits (429) and is not checked at all. */
    @Bean
    public FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
        var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/admin/auth/user/*", "/register/*",
                "/account/password", "/account/2fa", "/account/2fa/*", "/account/activate");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
        registration.setName("mcs-login-throttle");
        return registration;
    }

    /**
     * Inside the throttle (it still counts the 401), outside every password check (it reads the account before the
     * engine counts a failure): a refused login says when a lock refused it.
     */
    @Bean
    public FilterRegistrationBean<org.mcsgov.security.lock.LoginRefusalFilter> loginRefusalFilter(
            org.mcsgov.security.lock.LoginLocks locks) {
        var registration = new FilterRegistrationBean<>(new org.mcsgov.security.lock.LoginRefusalFilter(locks));
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/admin/auth/user/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 9);
        registration.setName("mcs-login-refusal");
        return registration;
    }

    /** Behind the REST authentication: only camunda-admin deletes a user or changes a profile. */
    @Bean
    public FilterRegistrationBean<OwnUserGuard> ownUserGuardFilter(IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new OwnUserGuard(identityService));
        registration.addUrlPatterns("/engine-rest/user/*", "/camunda/api/engine/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 22);
        registration.setName("mcs-own-user-guard");
        return registration;
    }

    /** A11-3 password policy on every account the engine stores; a new user may not delete their own account. */
    @Bean
    public AbstractProcessEnginePlugin passwordPolicyPlugin(PasswordHistory history) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setEnablePasswordPolicy(true);
                configuration.setPasswordPolicy(new McsPasswordPolicy(history));
                configuration.setResourceAuthorizationProvider(new McsAuthorizationProvider());
            }
        };
    }
}
