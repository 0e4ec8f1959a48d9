package io.kaskad.message.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import io.kaskad.common.BucketsByKey;
import io.kaskad.message.LinkClicks;
import io.kaskad.message.RedirectTarget;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /s/{code}}: a short link of a message, for whoever has it (no account). Answers 302 to the
 * original address, never cached (each click is counted); an unknown or expired code gets a plain page.
 * Each address may follow {@link #PER_MINUTE} links a minute on a node (kept in memory, least recently
 * used addresses dropped first), so that nobody walks the codes.
 */
@Hidden
@Controller
class ShortLinkController {

    static final int PER_MINUTE = 120;
    private static final int MAX_ADDRESSES = 100_000;

    private final LinkClicks clicks;
    private final BucketsByKey perAddress = new BucketsByKey(MAX_ADDRESSES);

    ShortLinkController(LinkClicks clicks) {
        this.clicks = clicks;
    }

    @RequestMapping(path = "/s/{code}", method = { RequestMethod.GET, RequestMethod.HEAD })
    Object follow(@PathVariable String code, HttpServletRequest request, HttpServletResponse response) {
        if (!perAddress.get(request.getRemoteAddr(), () -> BucketsByKey.perMinute(PER_MINUTE)).tryConsume(1)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60").build();
        }
        return clicks.follow(code, request.getHeader(HttpHeaders.USER_AGENT), "HEAD".equals(request.getMethod()))
            .flatMap(RedirectTarget::of)
            .<Object>map(target -> ResponseEntity.status(HttpStatus.FOUND)
                .location(target)
                .cacheControl(CacheControl.noStore())
                .build())
            .orElseGet(() -> {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                return "links/unknown";
            });
    }
}
