package io.kaskad.channel;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The one entry point for delivery reports, whether from a provider's webhook or the sandbox. */
@Service
public class DeliveryReports {

    private final ApplicationEventPublisher events;

    DeliveryReports(ApplicationEventPublisher events) {
        this.events = events;
    }

    public void record(List<DeliveryReport> reports) {
        if (!reports.isEmpty()) {
            events.publishEvent(new DeliveryReportBatch(reports));
        }
    }

    /** Reports are handed on in batches: the dispatch path applies them with batched SQL. */
    public record DeliveryReportBatch(List<DeliveryReport> reports) {
    }
}
