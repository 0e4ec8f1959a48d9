package io.kaskad.message.web;

import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.kaskad.account.ApiClient;
import io.kaskad.account.CompanyService;
import io.kaskad.common.InvalidRequestException;
import io.kaskad.common.Sha256;
import io.kaskad.message.CancelResult;
import io.kaskad.message.IdempotencyKeyReusedException;
import io.kaskad.message.IdempotentSend;
import io.kaskad.message.MessageAlreadySentException;
import io.kaskad.message.MessageService;
import io.kaskad.message.SendRequest;
import io.kaskad.message.SendResult;
import io.kaskad.message.TemplateNotUsableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

/** The send API of seeds 000 and 004, and reading and cancelling messages. */
@Tag(name = "Сообщения", description = "Отправка уведомлений каскадом, статус сообщения и его попыток, отмена")
@RestController
@RequestMapping("/api/v1/messages")
class MessageApiController {

    /** Seed 000's send: an SMS, Viber when the SMS is not delivered, variables filling the text. */
    static final String SEND_CASCADE = """
            {"messages": [{
              "channels": {"sms": {"text": "Здравствуйте, {name}! Ваш заказ готов"}, "viber": {"text": "Здравствуйте, {name}! Ваш заказ готов"}},
              "destinations": [{"phone": "79001234567", "variables": {"name": "Анна"}}],
              "allowedTimeRanges": [{"from": "09:00:00", "to": "21:00:00"}],
              "validityPeriod": 60,
              "callbackUrl": "https://shop.example/kaskad/status"
            }]}""";

    /** Seed 000's send by template: the template brings the channels and texts. */
    static final String SEND_TEMPLATE = """
            {"messages": [{
              "templateId": "0de36c39-46a2-4426-b16c-c2a86e844311",
              "destinations": [{"phone": "79001234567", "email": "anna@example.com", "variables": {"name": "Анна", "code": "1234"}}]
            }]}""";

    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final MessageService messages;
    private final CompanyService companies;
    private final MessageSource texts;
    private final JsonMapper json;

    MessageApiController(MessageService messages, CompanyService companies, MessageSource texts, JsonMapper json) {
        this.messages = messages;
        this.companies = companies;
        this.texts = texts;
        this.json = json;
    }

    /**
     * Answers an array, one object per destination in request order. With an {@code Idempotency-Key}
     * header, a retried request gets the first answer back (marked {@code Idempotent-Replayed: true})
     * and nothing is sent twice.
     */
    @PostMapping
    @Operation(summary = "Send notifications",
            description = "One message per destination; its channels are tried in order until one delivers (a channel with "
                    + "`required: true` is sent whatever becomes of those before it). With `Idempotency-Key` a retry sends nothing twice.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = SendRequest.class),
            examples = { @ExampleObject(name = "SMS, then Viber", value = SEND_CASCADE),
                    @ExampleObject(name = "A notification template", value = SEND_TEMPLATE) }))
    @ApiResponse(responseCode = "200", description = "One answer per destination, in request order (rejected ones included)",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = SendResponse.class))))
    ResponseEntity<?> send(@AuthenticationPrincipal ApiClient client,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody SendRequest request) {
        if (request.destinationCount() > SendRequest.MAX_DESTINATIONS) {
            throw new TooManyDestinationsException(request.destinationCount());
        }
        ZoneId zone = companies.get(client.companyId()).zoneId();
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return ResponseEntity.ok(render(messages.send(client.companyId(), zone, request)));
        }
        if (idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.Problem("Idempotency-Key",
                    "message.idempotency-key.too-long", MAX_IDEMPOTENCY_KEY)));
        }
        IdempotentSend answer = messages.sendOnce(client.companyId(), zone, idempotencyKey.strip(),
                Sha256.hex(json.writeValueAsString(request)), request, results -> json.writeValueAsString(render(results)));
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .header("Idempotent-Replayed", String.valueOf(answer.replayed()))
            .body(answer.json());
    }

    private List<SendResponse> render(List<SendResult> results) {
        return results.stream().map(result -> SendResponse.of(result, texts, LocaleContextHolder.getLocale())).toList();
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

    @ExceptionHandler(TemplateNotUsableException.class)
    ProblemDetail templateNotUsable(TemplateNotUsableException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, exception.getMessage());
        problem.setProperty("template", exception.template());
        problem.setProperty("state", exception.state());
        return problem;
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, exception.getMessage());
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
