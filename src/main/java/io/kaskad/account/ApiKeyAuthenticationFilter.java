package io.kaskad.account;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api/**} by {@code Authorization: Bearer <key>}. A wrong key is answered at
 * once; a missing one falls through to authorization, which asks the entry point to answer 401.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String API_AUTHORITY = "ROLE_API";
    private static final String BEARER = "Bearer ";

    private final ApiKeyService apiKeys;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiKeyService apiKeys, AuthenticationEntryPoint entryPoint) {
        this.apiKeys = apiKeys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiClient> client = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? apiKeys.authenticate(header.substring(BEARER.length()).trim())
                : Optional.empty();
        if (client.isEmpty()) {
            entryPoint.commence(request, response, new BadCredentialsException(
                    "The API key is wrong, revoked, or its company is blocked. Send 'Authorization: Bearer <API key>'."));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(client.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

        private final ApiClient client;

        ApiKeyAuthentication(ApiClient client) {
            super(List.of(new SimpleGrantedAuthority(API_AUTHORITY)));
            this.client = client;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return client;
        }
    }
}
