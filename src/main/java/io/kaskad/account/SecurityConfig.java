package io.kaskad.account;

import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: {@code /api/**} is stateless and authenticated by company API keys, answering
 * problem+json; everything else is the portal, with form login, remember-me and CSRF.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final Duration REMEMBER_ME_VALIDITY = Duration.ofDays(14);
    /**
     * The portal runs only its own scripts (no inline handlers; htmx without eval), styles may be
     * inline (Bootstrap's and htmx's), images may be data: URIs (Bootstrap's icons), and no site may
     * frame it (clickjacking).
     */
    static final String PORTAL_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** The widget: the same, except that any site may frame it (it is embedded in clients' pages). */
    static final String WIDGET_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors *";
    /** API answers are data, never a page. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /** Swagger UI: its own scripts and styles (inline styles among them), its icons as data: images, never framed. */
    static final String DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * The API's documentation, open like TWIN's: the OpenAPI document and Swagger UI, which calls the API
     * with the key its reader gives it ("Authorize"), never with a portal session.
     */
    @Bean
    @Order(-1)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http) {
        http.securityMatcher("/api/docs", "/api/docs/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .csrf(AbstractHttpConfigurer::disable)
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(DOCS_CSP))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * What the visitors of a client's site reach without an account: the chat widget, the chat-session
     * API it calls (seed 003 needs no key either) and Telegram's webhook (checked by its secret). The
     * widget is embedded in the client's pages, so it may be framed. A company API key is taken when
     * presented: only such a caller speaks for a messenger user (see {@code SessionApiController}).
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicChatSecurity(HttpSecurity http, ApiKeyService apiKeys, JsonMapper json) {
        ApiProblemResponder problems = new ApiProblemResponder(json);
        http.securityMatcher("/api/chats/v1/**", "/api/v1/sessions/**", "/widget/**", "/telegram/**")
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            // optional here: a client system presenting its key may start sessions with messenger identities; a wrong key is a 401
            .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems), AnonymousAuthenticationFilter.class)
            .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .csrf(AbstractHttpConfigurer::disable)
            .headers(headers -> headers.frameOptions(frame -> frame.disable())
                .contentSecurityPolicy(csp -> csp.policyDirectives(WIDGET_CSP))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyService apiKeys, JsonMapper json) {
        ApiProblemResponder problems = new ApiProblemResponder(json);
        http.securityMatcher("/api/**")
            .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(ApiKeyAuthenticationFilter.API_AUTHORITY))
            .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems), AnonymousAuthenticationFilter.class)
            .csrf(AbstractHttpConfigurer::disable)
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portalSecurity(HttpSecurity http, PortalUserDetailsService users, LoginThrottle throttle, DeviceCookies devices,
            PersistentTokenRepository rememberMeTokens, PortalKey portalKey, @Value("${kaskad.metrics.scrape-token:}") String scrapeToken) {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/login", "/assets/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                // a message's short links: whoever got the message follows them
                .requestMatchers("/s/*").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers(ScrapeTokenFilter.PATH).hasAnyAuthority("ROLE_" + Role.ADMIN.name(), ScrapeTokenFilter.SCRAPER)
                .requestMatchers("/actuator/**", "/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers("/", RevokedAccessFilter.PASSWORD_PAGE).authenticated()
                .anyRequest().hasRole(Role.CLIENT.name()))
            .formLogin(login -> login.loginPage("/login").successHandler(loginSuccesses(throttle, devices))
                .failureHandler(loginFailures(throttle, devices)))
            .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
            // HSTS is Spring Security's default on HTTPS requests (behind a proxy: server.forward-headers-strategy)
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PORTAL_CSP))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
            .rememberMe(rememberMe -> rememberMe.tokenRepository(rememberMeTokens)
                .userDetailsService(users)
                .key(portalKey.value())
                .tokenValiditySeconds((int) REMEMBER_ME_VALIDITY.toSeconds()))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(portalEntryPoint())
                .accessDeniedHandler(new PortalAccessDeniedHandler()))
            .addFilterBefore(new RevokedAccessFilter(users), AuthorizationFilter.class)
            .addFilterBefore(new ScrapeTokenFilter(scrapeToken), AuthorizationFilter.class)
            .addFilterBefore(new LoginThrottleFilter(throttle, devices), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** Every cookie Kaskad sets (session, remember-me, language) is SameSite=Lax: not sent with other sites' posts. */
    @Bean
    CookieSameSiteSupplier sameSiteLax() {
        return CookieSameSiteSupplier.ofLax();
    }

    @Bean
    PersistentTokenRepository rememberMeTokens(DataSource dataSource) {
        JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
        tokens.setDataSource(dataSource);
        return tokens;
    }

    /** An htmx request without a session reloads the page instead of swapping the login form into it. */
    private static AuthenticationEntryPoint portalEntryPoint() {
        return DelegatingAuthenticationEntryPoint.builder()
            .addEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(), new RequestHeaderRequestMatcher("HX-Request"))
            .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
            .build();
    }

    /**
     * Every failed login is the same answer, whatever the reason — a wrong password, an unknown user, a
     * disabled user or a blocked company cannot be told apart — and is counted by the throttle.
     */
    private static AuthenticationFailureHandler loginFailures(LoginThrottle throttle, DeviceCookies devices) {
        return (request, response, failure) -> {
            String username = request.getParameter("username");
            Optional<String> device = devices.deviceOf(request, username);
            throttle.failed(username, request.getRemoteAddr(), device);
            String target = throttle.lockedFor(username, request.getRemoteAddr(), device)
                .map(lock -> "/login?locked=" + LoginThrottleFilter.minutes(lock))
                .orElse("/login?error");
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    /** A successful login clears the counter it was judged by and gives the browser a device cookie for the user. */
    private static AuthenticationSuccessHandler loginSuccesses(LoginThrottle throttle, DeviceCookies devices) {
        SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            throttle.succeeded(authentication.getName(), devices.deviceOf(request, authentication.getName()));
            devices.issue(request, response, authentication.getName());
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
