package io.kaskad.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Prometheus scrape {@code /actuator/prometheus} with {@code Authorization: Bearer <kaskad.metrics.scrape-token>}:
 * a scraper cannot sign in with a form. The token is compared in constant time; without one configured
 * (the default) only signed-in admins see the metrics. Nothing is stored in a session.
 */
class ScrapeTokenFilter extends OncePerRequestFilter {

    static final String SCRAPER = "METRICS_SCRAPER";
    static final String PATH = "/actuator/prometheus";

    private final byte[] token;

    ScrapeTokenFilter(String token) {
        this.token = token == null || token.isBlank() ? null : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return token == null || !PATH.equals(request.getRequestURI()) || request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] given = request.getHeader(HttpHeaders.AUTHORIZATION).getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(given, token)) {
            SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated("prometheus", null,
                    List.of(new SimpleGrantedAuthority(SCRAPER)))));
        }
        chain.doFilter(request, response);
    }
}
