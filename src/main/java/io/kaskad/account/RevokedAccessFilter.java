package io.kaskad.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a user who was disabled, or whose company was blocked, after logging in:
 * blocking takes effect on the next click, not when the session happens to expire.
 */
class RevokedAccessFilter extends OncePerRequestFilter {

    private final PortalUserDetailsService users;

    RevokedAccessFilter(PortalUserDetailsService users) {
        this.users = users;
    }

    /** Static files carry no data; checking the account for each of them would only cost queries. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/assets/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user && !users.stillAllowed(user)) {
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
