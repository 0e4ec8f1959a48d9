package io.kaskad.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Kaskad's address as visitors and Telegram reach it ({@code kaskad.public-url}), for the links it
 * hands out: the widget's iframe code, the Telegram webhook. When it is not set, the address of the
 * request being answered — the port and host the user typed, or, behind a proxy with
 * {@code server.forward-headers-strategy}, the ones the proxy forwards — so that a node on port 9090
 * does not hand out links to localhost:8080.
 */
@Component
public class PublicUrl {

    private static final String OUTSIDE_A_REQUEST = "http://localhost:8080";

    private final String configured;

    PublicUrl(@Value("${kaskad.public-url:}") String configured) {
        String url = configured == null ? "" : configured.strip();
        this.configured = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The base URL, without a trailing slash. */
    public String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return OUTSIDE_A_REQUEST;
    }
}
