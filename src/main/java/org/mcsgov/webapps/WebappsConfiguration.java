package org.mcsgov.webapps;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Camunda's webapps around our Japanese pages: their errors in Japanese, their Welcome page replaced by ours. */
@Configuration
class WebappsConfiguration {

    @Bean
    FilterRegistrationBean<WebappErrors> webappErrors(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new WebappErrors(json));
        registration.addUrlPatterns("/camunda/api/*");
        // inside the audit filter (HIGHEST_PRECEDENCE + 5), which records the status, not the message
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WelcomeToHome> welcomeToHome() {
        var registration = new FilterRegistrationBean<>(new WelcomeToHome());
        registration.addUrlPatterns("/camunda", "/camunda/", "/camunda/app", "/camunda/app/", "/camunda/app/welcome/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
