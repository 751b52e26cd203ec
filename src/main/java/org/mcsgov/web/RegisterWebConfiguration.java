package org.mcsgov.web;

import org.mcsgov.security.FormToken;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.mcsgov.security.CurrentUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The register pages' login check, and what every page's header shows: who is logged in and the lists they have. */
@Configuration
public class RegisterWebConfiguration implements WebMvcConfigurer {

    private final RegisterAuthentication authentication;

    public RegisterWebConfiguration(RegisterAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authentication).addPathPatterns("/register", "/register/**")
                .excludePathPatterns(RegisterAuthentication.LOGIN);
    }

    /** A page of another package (the home page) that shows the register's header, without web depending on it. */
    public interface RegisterPage {
    }

    @ControllerAdvice(assignableTypes = {RegisterListController.class, RegisterPages.class, TokenPage.class,
            FactorSettingPage.class, RegisterPage.class})
    static class Header {

        private final CurrentUser currentUser;
        private final List<RegisterList<?>> lists;
        private final Visibility visibility;

        Header(CurrentUser currentUser, List<RegisterList<?>> lists, Visibility visibility) {
            this.currentUser = currentUser;
            this.lists = lists;
            this.visibility = visibility;
        }

        /** Whether the header and the home pages link the dashboard (org.mcsgov.dashboard), whose rule this is. */
        @ModelAttribute("dashboard")
        boolean dashboard() {
            return visibility.managesAny();
        }

        @ModelAttribute("viewer")
        String viewer() {
            return currentUser.id();
        }

        @ModelAttribute("navigation")
        List<RegisterList<?>> navigation() {
            return lists.stream().filter(RegisterList::visible).toList();
        }

        /** Links into Cockpit (process instances, the header's) only for those it lets in, never to its 403. */
        @ModelAttribute("cockpit")
        boolean cockpit() {
            return currentUser.mayUse("cockpit");
        }

        @ModelAttribute("formToken")
        String formToken(HttpSession session) {
            return FormToken.of(session);
        }
    }
}
