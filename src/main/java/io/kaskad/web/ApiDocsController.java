package io.kaskad.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code /api/docs}, the address the portal and the README give for the API's documentation, leads to
 * Swagger UI. The UI itself stays at springdoc's {@code /swagger-ui/}: its files are static resources,
 * which under {@code /api/} would lose to {@link ApiFallbackController}'s problem+json 404.
 */
@Hidden
@Controller
class ApiDocsController {

    @GetMapping({ "/api/docs", "/api/docs/" })
    String docs() {
        return "redirect:/swagger-ui/index.html";
    }
}
