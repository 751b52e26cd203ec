package org.mcsgov.webapps;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's Welcome page named neither MCS nor the association (issue 15): the webapps' root and the welcome app
 * (the header's app menu, "my profile") lead to our home page, which has the person's tasks, requests and the 台帳.
 */
class WelcomeToHome extends OncePerRequestFilter {

    static final String HOME = "/register/home";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendRedirect(request.getContextPath() + HOME);
    }
}
