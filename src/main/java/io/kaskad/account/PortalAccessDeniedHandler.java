package io.kaskad.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form or htmx request whose CSRF token is gone almost always means the session expired:
 * an htmx request reloads the page (which then leads to the login page) instead of swapping an
 * error into a table cell, a plain form goes to the login page with an explanation. Everything
 * else is a real 403 and gets the portal's 403 page.
 */
class PortalAccessDeniedHandler implements AccessDeniedHandler {

    private final AccessDeniedHandler errorPage = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof CsrfException && !signedIn()) {
            if (HtmxRequests.isHtmx(request)) {
                HtmxRequests.refresh(response, HttpStatus.FORBIDDEN);
            }
            else {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            }
            return;
        }
        errorPage.handle(request, response, denied);
    }

    /** Read from the security context: the CSRF check runs before the request knows its principal. */
    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.isAuthenticated();
    }
}
