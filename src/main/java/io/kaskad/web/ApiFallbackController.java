package io.kaskad.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.kaskad.common.NotFoundException;

/** Unknown {@code /api/**} paths answer problem+json like the rest of the API, not the portal's 404 page. */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        throw new NotFoundException("API endpoint", request.getMethod() + " " + request.getRequestURI());
    }
}
