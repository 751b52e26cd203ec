package org.mcsgov.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser protections on every answer, set before anything is written (so refusals carry them too): no framing
 * by other sites (clickjacking), no content sniffing, no full URL (with its ids) in the Referer sent elsewhere. Our
 * own pages (/register, /api, /account, errors) get a strict Content-Security-Policy: only our scripts and styles,
 * none inline. The Camunda webapps send their own CSP (camunda.bpm.webapp.header-security), which fits their
 * scripts; a second one would only make the browser apply both, so /camunda is left to theirs.
 */
public class SecurityHeaders extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
            response.setHeader("Content-Security-Policy", POLICY);
        }
        chain.doFilter(request, response);
    }
}
