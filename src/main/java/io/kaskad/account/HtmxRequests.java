package io.kaskad.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** htmx answers for the security layer, which runs before Spring MVC's htmx support is reached. */
final class HtmxRequests {

    private HtmxRequests() {
    }

    static boolean isHtmx(HttpServletRequest request) {
        return HtmxRequest.fromRequest(request).isHtmxRequest();
    }

    /** Tells htmx to reload the whole page rather than swap this response in. */
    static void refresh(HttpServletResponse response, HttpStatus status) {
        response.setHeader("HX-Refresh", "true");
        response.setStatus(status.value());
    }
}
