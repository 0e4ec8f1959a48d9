package io.kaskad.provider.smpp;

import java.time.Clock;
import java.util.List;

import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.MessageType;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kaskad.channel.Channel;
import io.kaskad.channel.DeliveryReport;
import io.kaskad.channel.DeliveryReports;
import io.kaskad.common.LogSafe;

/**
 * Turns SMSC delivery receipts ({@code deliver_sm} with the receipt flag) into delivery reports:
 * {@code DELIVRD} delivered, {@code EXPIRED} expired, {@code UNDELIV}/{@code REJECTD}/{@code DELETED}/
 * {@code UNKNOWN} failed; intermediate states ({@code ENROUTE}, {@code ACCEPTD}) are not final and
 * are dropped. A receipt that comes before the {@code submit_sm_resp} was recorded is parked by the
 * message module and matched later.
 */
final class Receipts implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(Receipts.class);

    private final DeliveryReports reports;
    private final Clock clock;
    private final long connectionId;

    /** The receipts of one connection's bind: SMSCs number their messages each on its own. */
    Receipts(DeliveryReports reports, Clock clock, long connectionId) {
        this.reports = reports;
        this.clock = clock;
        this.connectionId = connectionId;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        if (!MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
            return; // an incoming SMS: two-way SMS is not part of this channel yet
        }
        DeliveryReceipt receipt;
        try {
            receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        }
        catch (InvalidDeliveryReceiptException e) {
            log.warn("Unreadable delivery receipt: {}", LogSafe.of(e.getMessage()));
            return;
        }
        DeliveryReport.Status status = switch (receipt.getFinalStatus()) {
            case DELIVRD -> DeliveryReport.Status.DELIVERED;
            case EXPIRED -> DeliveryReport.Status.EXPIRED;
            case UNDELIV, REJECTD, DELETED, UNKNOWN -> DeliveryReport.Status.FAILED;
            case ENROUTE, ACCEPTD -> null;
        };
        if (status == null) {
            return;
        }
        String code = status == DeliveryReport.Status.DELIVERED ? null : receipt.getFinalStatus().name();
        String detail = status == DeliveryReport.Status.DELIVERED ? null
                : "SMS centre receipt " + receipt.getFinalStatus() + " err:" + receipt.getError();
        try {
            reports.record(List.of(new DeliveryReport(Channel.SMS, receipt.getId(), status, code, detail, clock.instant(), null,
                    connectionId)));
        }
        catch (RuntimeException notRecorded) {
            // answered ESME_RSYSERR: the SMSC keeps the receipt and delivers it again later
            log.warn("Delivery receipt {} not recorded: {}", LogSafe.of(receipt.getId()), LogSafe.of(notRecorded.getMessage()));
            throw new ProcessRequestException("receipt not recorded", 0x08);
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", 0x03);
    }
}
