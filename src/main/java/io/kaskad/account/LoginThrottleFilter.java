package io.kaskad.account;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login of a locked user name (or, from a browser that signed in as that user before, of a locked device)
 * or from a locked address before its password is looked at.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final DeviceCookies devices;

    LoginThrottleFilter(LoginThrottle throttle, DeviceCookies devices) {
        this.throttle = throttle;
        this.devices = devices;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        Optional<Duration> locked = throttle.lockedFor(username, request.getRemoteAddr(), devices.deviceOf(request, username));
        if (locked.isPresent()) {
            response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes(locked.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    static long minutes(Duration lock) {
        return Math.max(1, (lock.toSeconds() + 59) / 60);
    }
}
