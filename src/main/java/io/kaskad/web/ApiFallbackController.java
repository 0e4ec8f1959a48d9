package io.kaskad.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.kaskad.common.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;

/** Unknown {@code /api/**} paths answer problem+json like the rest of the API, not the portal's 404 page. Not an operation of the API's document. */
@Hidden
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        throw new NotFoundException("API endpoint", request.getMethod() + " " + request.getRequestURI());
    }
}
