package org.mcsgov.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.mcsgov.directory.AccountLock;
import org.mcsgov.account.LastLogin;
import org.mcsgov.directory.PasswordService;
import org.mcsgov.security.factor.LoginGate;
import org.mcsgov.security.factor.PendingSessionFilter;
import org.mcsgov.security.factor.WebappLoginGate;
import org.mcsgov.security.token.AccessTokens;
import org.mcsgov.security.token.ProgramCredentials;
import org.mcsgov.security.token.TokenOrBasicProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * /engine-rest is open by default (DESIGN.md §9): it and our own /api require a personal access token or HTTP Basic
 * against Camunda's identity service, which counts failed logins and locks the account (login-max-attempts). The webapps keep
 * their own session login and CSRF protection.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                TokenOrBasicProvider.class.getName());
        registration.setName("mcs-rest-authentication");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

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

    /**
     * Behind the password-change check and around Camunda's own login: a person who needs the second factor is
     * held as pending instead of logged in (LoginGate).
     */
    @Bean
    public FilterRegistrationBean<WebappLoginGate> webappLoginGate(LoginGate gate, LastLogin lastLogin) {
        var registration = new FilterRegistrationBean<>(new WebappLoginGate(gate, lastLogin));
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        registration.setName("mcs-webapp-login-gate");
        return registration;
    }

    /** In front of the REST authentication: access tokens, and no password alone for the second factor's accounts. */
    @Bean
    public FilterRegistrationBean<ProgramCredentials> programCredentials(AccessTokens tokens, LoginGate gate,
            AccountLock accounts, IdentityService identityService, LastLogin lastLogin) {
        var registration = new FilterRegistrationBean<>(new ProgramCredentials(tokens, gate, accounts, identityService,
                lastLogin));
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/register/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        registration.setName("mcs-program-credentials");
        return registration;
    }

    /** Behind the session checks: a session held for its second factor is led to the code page. */
    @Bean
    public FilterRegistrationBean<PendingSessionFilter> pendingSessionFilter(LoginGate gate) {
        var registration = new FilterRegistrationBean<>(new PendingSessionFilter(gate));
        registration.addUrlPatterns("/camunda/api/*", "/register", "/register/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 9);
        registration.setName("mcs-pending-second-factor");
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
                "/account/password", "/account/2fa", "/account/2fa/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
        registration.setName("mcs-login-throttle");
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
