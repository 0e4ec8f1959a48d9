package io.kaskad.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.kaskad.common.ConflictException;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.LogSafe;
import io.kaskad.common.NotFoundException;
import io.kaskad.common.TooManyRequestsException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every API error as {@code application/problem+json} with a detail a person can act on; validation
 * errors list each field by its path in the request ({@code errors[].field}).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException exception) {
        String message = messages.getMessage(exception.messageCode(), null, exception.messageCode(), LocaleContextHolder.getLocale());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.field() + ": " + message);
        problem.setProperty("errors", List.of(new FieldProblem(exception.field(), message)));
        return problem;
    }

    /**
     * The database cannot be reached (connections killed, failover): 503 with Retry-After. Every write
     * of the API is one transaction, so nothing was stored and the same request may be sent again
     * (with the same {@code Idempotency-Key}, it is stored once in any case).
     */
    @ExceptionHandler({ CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class, TransientDataAccessResourceException.class })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception exception) {
        log.warn("Database unavailable while answering an API request: {}", LogSafe.of(exception.getMessage()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database for a moment. Nothing was stored: send the same request again in a few seconds.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                exception.getMessage() + ": try again in " + exception.retryAfterSeconds() + " s.");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
            .header(HttpHeaders.RETRY_AFTER, String.valueOf(exception.retryAfterSeconds()))
            .body(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException exception) {
        List<FieldProblem> errors = exception.problems().stream()
            .map(problem -> new FieldProblem(problem.field(),
                    messages.getMessage(problem.messageCode(), problem.args(), problem.messageCode(), LocaleContextHolder.getLocale())))
            .toList();
        return invalidRequest(HttpStatus.BAD_REQUEST, errors);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = exception.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldProblem(JsonPaths.ofBindingPath(error.getField()), messages.getMessage(error, LocaleContextHolder.getLocale())))
            .sorted(Comparator.comparing(FieldProblem::field))
            .toList();
        return handleExceptionInternal(exception, invalidRequest(status, errors), headers, status, request);
    }

    private static ProblemDetail invalidRequest(HttpStatusCode status, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "Invalid request: " + errors.stream()
            .map(error -> error.field() + ": " + error.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("the request is invalid"));
        problem.setProperty("errors", errors);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, unreadableBodyDetail(exception));
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    /**
     * Names the problem in plain words: where the JSON breaks, or which field has a value of the wrong
     * type and what it should be. Jackson's own message names Kaskad's classes, so it is not passed on.
     */
    private static String unreadableBodyDetail(HttpMessageNotReadableException exception) {
        if (exception.getCause() instanceof JacksonException jackson) {
            String path = JsonPaths.of(jackson.getPath());
            String where = jackson.getLocation() == null ? ""
                    : " (line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr() + ")";
            if (path.isEmpty()) {
                return "The request body is not valid JSON" + where + ".";
            }
            if (StrictJsonConfig.NUL_REFUSED.equals(jackson.getOriginalMessage())) {
                return "Field '" + path + "' holds a NUL character" + where + ", which no text may hold.";
            }
            String expected = jackson instanceof MismatchedInputException mismatch ? JsonPaths.kind(mismatch.getTargetType()) : null;
            return "Field '" + path + "' has a value of the wrong type" + where + (expected == null ? "." : ": expected " + expected + ".");
        }
        return "The request body is missing or is not valid JSON";
    }

    /**
     * Anything unforeseen under {@code /api/**}: problem+json like every other answer, without the
     * exception's text (it may name internals); the log has the details.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception exception) {
        log.error("Unexpected error answering an API request", exception);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was changed unless the answer said so; try again, and if it persists contact support.");
    }

    /** One entry of a problem's {@code errors}: the field's path in the request and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }
}
