package io.kaskad.message.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.kaskad.account.ApiClient;
import io.kaskad.account.CompanyService;
import io.kaskad.message.CancelResult;
import io.kaskad.message.MessageAlreadySentException;
import io.kaskad.message.MessageService;
import io.kaskad.message.SendRequest;

/** The send API of seeds 000 and 004, and reading and cancelling messages. */
@RestController
@RequestMapping("/api/v1/messages")
class MessageApiController {

    private final MessageService messages;
    private final CompanyService companies;
    private final MessageSource texts;

    MessageApiController(MessageService messages, CompanyService companies, MessageSource texts) {
        this.messages = messages;
        this.companies = companies;
        this.texts = texts;
    }

    /** Answers an array, one object per destination in request order. */
    @PostMapping
    List<SendResponse> send(@AuthenticationPrincipal ApiClient client, @Valid @RequestBody SendRequest request) {
        if (request.destinationCount() > SendRequest.MAX_DESTINATIONS) {
            throw new TooManyDestinationsException(request.destinationCount());
        }
        return messages.send(client.companyId(), companies.get(client.companyId()).zoneId(), request).stream()
            .map(result -> SendResponse.of(result, texts, LocaleContextHolder.getLocale()))
            .toList();
    }

    @GetMapping("/{messageId}")
    MessageResponse get(@AuthenticationPrincipal ApiClient client, @PathVariable String messageId) {
        return MessageResponse.of(messages.get(client.companyId(), messageId));
    }

    @DeleteMapping("/{messageId}")
    MessageResponse cancel(@AuthenticationPrincipal ApiClient client, @PathVariable String messageId) {
        return MessageResponse.of(messages.cancel(client.companyId(), messageId));
    }

    @PostMapping("/cancel")
    CancelResult cancelBulk(@AuthenticationPrincipal ApiClient client, @Valid @RequestBody CancelBulkRequest request) {
        return messages.cancelBulk(client.companyId(), request.bulkId());
    }

    record CancelBulkRequest(@NotBlank String bulkId) {
    }

    @ExceptionHandler(MessageAlreadySentException.class)
    ProblemDetail alreadySent(MessageAlreadySentException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
    }

    @ExceptionHandler(TooManyDestinationsException.class)
    ProblemDetail tooMany(TooManyDestinationsException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, exception.getMessage());
    }

    static class TooManyDestinationsException extends RuntimeException {

        TooManyDestinationsException(int count) {
            super("The request has " + count + " destinations; at most " + SendRequest.MAX_DESTINATIONS
                    + " are accepted per request. Split it, or upload the list as a send task (Уведомления > Задания на отправку).");
        }
    }
}
