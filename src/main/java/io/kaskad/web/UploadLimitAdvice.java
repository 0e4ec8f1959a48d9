package io.kaskad.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload above the multipart limit is refused while the request is parsed, before any controller:
 * the API answers problem+json naming {@code file} and the limit, the portal a page that says so.
 */
@ControllerAdvice
class UploadLimitAdvice {

    private final DataSize maxRequestSize;

    UploadLimitAdvice(@Value("${spring.servlet.multipart.max-request-size:210MB}") DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        String detail = "The upload is larger than " + maxRequestSize.toMegabytes() + " MB.";
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
            problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", "file", "message", detail)));
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error/413");
        page.addObject("limit", maxRequestSize.toMegabytes());
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return page;
    }
}
