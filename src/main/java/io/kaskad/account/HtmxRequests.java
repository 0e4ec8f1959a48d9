package io.kaskad.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/** The two htmx headers the security layer needs before Spring MVC (and htmx-spring-boot) is reached. */
final class HtmxRequests {

    private HtmxRequests() {
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Tells htmx to reload the whole page rather than swap this response in. */
    static void refresh(HttpServletResponse response, HttpStatus status) {
        response.setHeader("HX-Refresh", "true");
        response.setStatus(status.value());
    }
}
