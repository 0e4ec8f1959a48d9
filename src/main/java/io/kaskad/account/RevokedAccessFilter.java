package io.kaskad.account;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.kaskad.account.PortalUserDetailsService.Access;

/**
 * Ends the session of a user who was disabled, or whose company was blocked, after logging in:
 * blocking takes effect on the next click, not when the session happens to expire. A user whose password an
 * admin reset reaches only the page that changes it (and sign-out) until they have chosen their own.
 */
class RevokedAccessFilter extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";
    private static final Set<String> PASSWORD_CHANGE_PATHS = Set.of(PASSWORD_PAGE, "/logout", "/error");

    private final PortalUserDetailsService users;

    RevokedAccessFilter(PortalUserDetailsService users) {
        this.users = users;
    }

    /** Static files carry no data; checking the account for each of them would only cost queries. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/assets/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Access access = authentication != null && authentication.getPrincipal() instanceof PortalUser user ? users.access(user) : Access.ALLOWED;
        if (access == Access.PASSWORD_CHANGE_REQUIRED && !PASSWORD_CHANGE_PATHS.contains(path(request))) {
            if (HtmxRequests.isHtmx(request)) {
                response.setHeader("HX-Redirect", request.getContextPath() + PASSWORD_PAGE);
            }
            else {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            }
            return;
        }
        if (access == Access.REVOKED) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (HtmxRequests.isHtmx(request)) {
                HtmxRequests.refresh(response, HttpStatus.UNAUTHORIZED);
            }
            else {
                response.sendRedirect(request.getContextPath() + "/login?blocked");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
