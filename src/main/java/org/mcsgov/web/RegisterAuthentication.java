package org.mcsgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.platform.AsSystem;
import org.mcsgov.security.BasicCredentials;
import org.mcsgov.security.LoginThrottle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The register pages share the webapps' login: the session Tasklist's and Cockpit's login creates (Camunda's
 * Authentications in the HTTP session), or our own login page, which creates the same session; a CSV may also be
 * fetched with HTTP Basic (the engine counts failed attempts and locks the account, A11-3; a password that must be
 * changed is refused by PasswordChangeFilter). For the request the engine knows the person and their groups, so
 * every engine query on a page (tasks, process instances) is authorized as it would be in the webapps.
 */
@Component
public class RegisterAuthentication implements HandlerInterceptor {

    static final String LOGIN = "/register/login";
    /** Where a person lands after login: the home page (org.mcsgov.home), under /register for its filters. */
    public static final String HOME = "/register/home";

    private final ProcessEngine engine;
    private final IdentityService identityService;

    public RegisterAuthentication(ProcessEngine engine) {
        this.engine = engine;
        this.identityService = engine.getIdentityService();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Optional<String> user = fromSession(request).or(() -> fromBasic(request));
        if (user.isEmpty()) {
            String accept = request.getHeader("Accept");
            if (accept != null && accept.contains("text/html")) {
                String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect(UriComponentsBuilder.fromPath(LOGIN).queryParam("next", next).encode()
                        .toUriString());
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return false;
        }
        request.setAttribute(AuditLog.USER, user.get());
        identityService.setAuthentication(user.get(), groupsOf(user.get()));
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        identityService.clearAuthentication();
    }

    /** Checks a typed password; the engine counts a failure toward the account's lockout (A11-3). */
    public boolean checkPassword(String userId, String password) {
        identityService.clearAuthentication();
        return userId != null && password != null && identityService.checkPassword(userId, password);
    }

    public void logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            AuthenticationUtil.getAuthsFromSession(session).removeByEngineName(engine.getName());
        }
    }

    /** The webapps' login of this session, unless the account has since been deleted or locked (N2-2, A8-5). */
    private Optional<String> fromSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        var authentication = authentications.getAuthenticationForProcessEngine(engine.getName());
        if (authentication == null) {
            return Optional.empty();
        }
        String userId = authentication.getIdentityId();
        return usable(userId) ? Optional.of(userId) : Optional.empty();
    }

    private Optional<String> fromBasic(HttpServletRequest request) {
        var credentials = BasicCredentials.of(request);
        if (credentials.isPresent() && checkPassword(credentials.get().userId(), credentials.get().password())) {
            return credentials.map(BasicCredentials::userId);
        }
        if (BasicCredentials.present(request)) {
            request.setAttribute(LoginThrottle.FAILED, Boolean.TRUE);
        }
        return Optional.empty();
    }

    private boolean usable(String userId) {
        return AsSystem.call(identityService, () -> {
            var user = (UserEntity) identityService.createUserQuery().userId(userId).singleResult();
            return user != null && (user.getLockExpirationTime() == null
                    || user.getLockExpirationTime().before(ClockUtil.getCurrentTime()));
        });
    }

    private List<String> groupsOf(String userId) {
        return AsSystem.call(identityService, () -> identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).toList());
    }
}
