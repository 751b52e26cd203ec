package org.mcsgov.security.token;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.mcsgov.account.LastLogin;
import org.mcsgov.directory.AccountLock;
import org.mcsgov.security.factor.LoginGate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The REST authentication of /engine-rest and /api (open by default, DESIGN.md §9): Camunda's
 * ProcessEngineAuthenticationFilter with a personal access token or HTTP Basic, and in front of it what a program
 * presents ({@link ProgramCredentials}).
 */
@Configuration
public class TokenConfiguration {

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
}
