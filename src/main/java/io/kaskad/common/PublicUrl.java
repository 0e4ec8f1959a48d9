package io.kaskad.common;

import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Kaskad's address as visitors, customers and Telegram reach it ({@code kaskad.public-url}), for the links it
 * hands out: the widget's iframe code, the Telegram webhook, short links. When it is not set, the address of the
 * request being answered — the port and host the user typed, or, behind a proxy with
 * {@code server.forward-headers-strategy}, the ones the proxy forwards — so that a node on port 9090 does not hand
 * out links to localhost:8080. Work done later on a request's behalf (a send task's run) names the address that
 * request had with {@link #asAt}.
 */
@Component
public class PublicUrl {

    /** The longest address kept for later work: a request's Host header is the caller's to choose. */
    public static final int MAX_LENGTH = 512;

    private static final String OUTSIDE_A_REQUEST = "http://localhost:8080";
    private static final ThreadLocal<String> ON_BEHALF_OF_A_REQUEST = new ThreadLocal<>();

    private final String configured;

    PublicUrl(@Value("${kaskad.public-url:}") String configured) {
        this.configured = withoutTrailingSlash(configured == null ? "" : configured.strip());
    }

    /** The base URL, without a trailing slash. */
    public String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        String remembered = ON_BEHALF_OF_A_REQUEST.get();
        if (remembered != null) {
            return remembered;
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return OUTSIDE_A_REQUEST;
    }

    /** The base URL to remember for work done later on this request's behalf, or null when it is too long to keep. */
    public String toRemember() {
        String base = base();
        return base.length() <= MAX_LENGTH ? base : null;
    }

    /** Runs {@code work} with {@code remembered} (from {@link #toRemember}; null: none) as the request's address. */
    public <T> T asAt(String remembered, Supplier<T> work) {
        if (remembered == null) {
            return work.get();
        }
        String outer = ON_BEHALF_OF_A_REQUEST.get();
        ON_BEHALF_OF_A_REQUEST.set(withoutTrailingSlash(remembered));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                ON_BEHALF_OF_A_REQUEST.remove();
            } else {
                ON_BEHALF_OF_A_REQUEST.set(outer);
            }
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
