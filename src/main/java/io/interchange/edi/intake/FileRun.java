package io.interchange.edi.intake;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.edi.AckCode;
import io.interchange.edi.AckControlNumbers;
import io.interchange.edi.AckPolicy;
import io.interchange.edi.AckStatus;
import io.interchange.edi.ContrlWriter;
import io.interchange.edi.Delimiters;
import io.interchange.edi.EdiException;
import io.interchange.edi.EdiWriteException;
import io.interchange.edi.EnvelopeFacts;
import io.interchange.edi.GroupHeader;
import io.interchange.edi.EdiHandler;
import io.interchange.edi.EdiStandard;
import io.interchange.edi.EdiTransaction;
import io.interchange.edi.EnvelopeError;
import io.interchange.edi.EnvelopeProblem;
import io.interchange.edi.GroupResult;
import io.interchange.edi.GroupVerdict;
import io.interchange.edi.InterchangeHeader;
import io.interchange.edi.InterchangeResult;
import io.interchange.edi.TransactionOutcome;
import io.interchange.edi.ValidationProblem;
import io.interchange.edi.X12AcknowledgementWriter;
import io.interchange.edi.inbound.PartnerAcknowledgements;
import io.interchange.model.CanonicalJson;
import io.interchange.model.Order;
import io.interchange.partner.OwnIdentity;
import io.interchange.partner.Partner;
import io.interchange.tracking.Admission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over one partner file, fed by the streaming EDI reader: each transaction is mapped as
 * soon as it is read and admitted with the next few hundred, every batch on the bus before the
 * acknowledgements are built (or held back until its interchange's verdict, for partners that
 * reject whole interchanges); each group gets its 997/999, each EDIFACT interchange its CONTRL; an
 * interchange from an unknown sender or a duplicate one is skipped and reported at interchange
 * level (TA1, CONTRL UCI), as is one addressed to another receiver. Acknowledgements say exactly
 * what was admitted: a transaction the mapping or the canonical schema refuses is rejected in them
 * too. Transactions are dispatched by their set ({@link InboundSet}): orders are mapped, inbound
 * acknowledgements taken in, anything else rejected as not supported. Orders of a test interchange
 * (ISA15 {@code T}, UNB 0035 {@code 1}) are mapped and acknowledged, never admitted.
 * Acknowledgements are drafts here, written with their control numbers at delivery.
 */
final class FileRun implements EdiHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileRun.class);
    /** A batch also ends at this much canonical JSON, so that partners with huge orders do not need a huge heap. */
    private static final long MAX_BATCH_CHARS = 4L * 1024 * 1024;
    /**
     * Batches that may wait for the admission thread while it admits one and the reader fills the
     * next: one keeps both threads busy, more would only hold more orders in memory.
     */
    private static final int WAITING_BATCHES = 1;

    private final Partner partner;
    private final OwnIdentity own;
    private final OwnReceivers receivers;
    private final String fileName;
    private final String fileKey;
    private final FileRunServices services;

    private InterchangeHeader interchange;
    private Skip skip;
    private int admittedInInterchange;
    private final Map<String, List<ValidationProblem>> refused = new HashMap<>();
    private final Map<String, EnvelopeProblem> notSupported = new HashMap<>();
    private final List<GroupResult> groupsOfInterchange = new ArrayList<>();
    private final PendingOrders pending = new PendingOrders();
    private final AdmissionPipeline admissions;
    private final List<Admitting> batch = new ArrayList<>();
    private long batchChars;

    private int admitted;
    private int duplicates;
    private final List<AcknowledgementDraft> acknowledgements = new ArrayList<>();
    private final List<FileOutcome.ReceivedInterchange> received = new ArrayList<>();
    private final List<String> rejections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Transactions by outcome, counted into the metrics once the file is answered (not once per attempt). */
    private final Map<String, Integer> counts = new TreeMap<>();

    FileRun(Partner partner, OwnIdentity own, OwnReceivers receivers, String fileName, String fileKey,
            FileRunServices services) {
        this.partner = partner;
        this.own = own;
        this.receivers = receivers.with(own);
        this.fileName = fileName;
        this.fileKey = fileKey;
        this.services = services;
        this.admissions = new AdmissionPipeline("edi-admission-" + partner.id(), WAITING_BATCHES);
    }

    /** What the file came to; every batch is admitted by then. */
    FileOutcome outcome() {
        admissions.awaitAll();
        return new FileOutcome(partner.id(), fileName, fileKey, admitted, duplicates, List.copyOf(acknowledgements),
                List.copyOf(received), List.copyOf(rejections), List.copyOf(notes), Map.copyOf(counts));
    }

    /** Ends the run, read or not: waits for any batch still being admitted, drops held-back orders. */
    @Override
    public void close() {
        try {
            admissions.close();
        } finally {
            pending.close();
        }
    }

    @Override
    public void onNote(String note) {
        notes.add(note);
    }

    @Override
    public void onUnreadable(int ordinal, String reason) {
        rejections.add(reason + " (no acknowledgement: its header cannot be read)");
    }

    @Override
    public void onTransaction(EdiTransaction transaction) {
        enter(transaction.envelope().interchange());
        String group = transaction.envelope().hasGroup() ? transaction.envelope().group().controlNumber() : null;
        if (skip != null) {
            track(transaction, group, null, "skipped", skip.reason());
            return;
        }
        // acknowledgement loop: a partner's 997/999/CONTRL answers what we sent; it is matched, not mapped
        if (PartnerAcknowledgements.handles(transaction.setId())) {
            services.partnerAcknowledgements().receive(partner, fileName, transaction);
            return;
        }
        if (!partner.validation().accepts(transaction.outcome())) {
            String reason = describe(transaction);
            reject(transaction, group, reason);
            return;
        }
        if (InboundSet.of(transaction.envelope().standard(), transaction.setId()) == InboundSet.NOT_SUPPORTED) {
            boolean x12 = transaction.envelope().standard() == EdiStandard.X12;
            notSupported.put(transaction.controlNumber(), new EnvelopeProblem(EnvelopeError.TRANSACTION_NOT_SUPPORTED,
                    x12 ? "ST" : "UNH", x12 ? 1 : 2, transaction.setId()));
            reject(transaction, group, EnvelopeError.TRANSACTION_NOT_SUPPORTED.description() + ": " + transaction.setId()
                    + " is not taken inbound (orders: " + (x12 ? "850" : "ORDERS") + "; acknowledgements: "
                    + (x12 ? "997, 999" : "CONTRL") + ")");
            return;
        }
        ObjectNode order;
        try {
            order = services.admission().prepare(partner, transaction.tree());
        } catch (TransactionRejectedException e) {
            refused.put(transaction.controlNumber(), List.of(anchor(transaction)));
            reject(transaction, group, e.getMessage());
            return;
        }
        if (interchange.isTest()) {
            count("test");
            track(transaction, group, externalNumber(transaction), "test",
                    "test interchange (" + (interchange.standard() == EdiStandard.X12 ? "ISA15 T" : "UNB 0035 1")
                            + "): acknowledged, not booked");
            return;
        }
        if (partner.acknowledgements().rejectWholeInterchange()) {
            ObjectNode held = CanonicalJson.mapper().createObjectNode();
            held.put("group", group).put("transaction", transaction.controlNumber()).put("setId", transaction.setId());
            held.set("order", order);
            pending.add(held);
        } else {
            admit(order, group, transaction.controlNumber(), transaction.setId());
        }
    }

    @Override
    public void onGroupEnd(GroupResult group) {
        enter(group.envelope().interchange());
        GroupResult adjusted = withRefusals(group);
        refused.clear();
        notSupported.clear();
        flush();
        admissions.awaitAll(); // what the group's acknowledgement reports as accepted is on the bus
        if (skip == null && !group.problems().isEmpty()) {
            boolean rejected = GroupVerdict.of(adjusted, policy(), partner.validation(), false).status() == AckStatus.REJECTED;
            rejections.add("interchange " + interchange.controlNumber() + " group " + groupNumber(group)
                    + (rejected ? " rejected: " : " acknowledged with errors, its valid transactions went on: ")
                    + group.problems());
        }
        // CONTRL answers a whole interchange; so does a 997 for partners that reject whole
        // interchanges, as its verdict waits for the interchange trailer
        if (group.envelope().standard() == EdiStandard.EDIFACT || partner.acknowledgements().rejectWholeInterchange()) {
            groupsOfInterchange.add(adjusted);
        } else if (skip == null && !onlyAcknowledgements(adjusted)) {
            acknowledgeGroup(adjusted, false);
        }
    }

    @Override
    public void onInterchangeEnd(InterchangeResult result) {
        enter(result.header());
        boolean accepted = skip == null && settleHeldBack(result);
        flush();
        admissions.awaitAll();
        // under per-transaction rejection the valid transactions went on as they were read: a
        // broken trailer is then noted (TA1 E), not turned into a rejection of what was admitted
        boolean admittedDespiteTrailer = !result.valid() && admittedInInterchange > 0
                && !partner.acknowledgements().rejectWholeInterchange();
        if (!result.valid()) {
            rejections.add("interchange " + result.header().controlNumber()
                    + (admittedDespiteTrailer ? " accepted with errors, its valid transactions went on: " : " rejected: ")
                    + result.problems());
        }
        if (skip != null && skip.kind() == Skip.Kind.READ_AGAIN) {
            LOG.info("Partner {} file {}: interchange {} not processed again, nothing sent: it {}", partner.id(), fileName,
                    result.header().controlNumber(), skip.reason());
            notes.add("interchange " + result.header().controlNumber() + " " + skip.reason());
        } else if (skip != null && skip.kind() == Skip.Kind.DUPLICATE) {
            reportDuplicate(result.header());
        } else if (skip != null) {
            rejectWhole(result.header(), skip.problem());
        } else if (!groupsOfInterchange.isEmpty() && groupsOfInterchange.stream().allMatch(FileRun::onlyAcknowledgements)) {
            LOG.debug("Partner {} file {}: interchange {} holds acknowledgements only; none goes back", partner.id(),
                    fileName, result.header().controlNumber());
        } else if (result.header().standard() == EdiStandard.EDIFACT) {
            acknowledgeInterchange(new InterchangeResult(result.header(), List.copyOf(groupsOfInterchange),
                    result.problems()), !accepted, admittedDespiteTrailer);
        } else {
            groupsOfInterchange.stream().filter(group -> !onlyAcknowledgements(group))
                    .forEach(group -> acknowledgeGroup(group, !accepted));
            if (!result.valid()) {
                String code = result.problems().stream().map(p -> p.error().x12()).filter(c -> c != null).findFirst()
                        .orElse(EnvelopeError.INTERCHANGE_ENVELOPE_INVALID.x12());
                InterchangeHeader header = result.header();
                acknowledgements.add(new AcknowledgementDraft("TA1", ".x12", AcknowledgementDraft.INTERCHANGE_NUMBER,
                        numbers -> admittedDespiteTrailer
                                ? Ta1Notice.acceptWithErrors(header, own, numbers[0], code, LocalDateTime.now())
                                : Ta1Notice.reject(header, own, numbers[0], code, LocalDateTime.now())));
            }
        }
        if (skip == null && admittedInInterchange > 0) {
            received.add(new FileOutcome.ReceivedInterchange(result.header().controlNumber(), admittedInInterchange));
        }
        interchange = null;
        skip = null;
        groupsOfInterchange.clear();
    }

    /** A group of partner acknowledgements only: never acknowledged back. */
    private static boolean onlyAcknowledgements(GroupResult group) {
        return PartnerAcknowledgements.answersNothing(group.transactions().stream().map(TransactionOutcome::setId).toList());
    }

    /** The 997/999 of one X12 group. */
    private void acknowledgeGroup(GroupResult group, boolean rejectedWithInterchange) {
        boolean implementation = "999".equals(partner.acknowledgements().type());
        AckPolicy policy = policy();
        List<GroupResult> variants = List.of(group, declared(group));
        acknowledgements.add(new AcknowledgementDraft(partner.acknowledgements().type(), ".x12",
                AcknowledgementDraft.ENVELOPE_NUMBERS, numbers -> firstWritten(variants, variant -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    new X12AcknowledgementWriter().write(implementation, variant, policy, partner.validation(),
                            rejectedWithInterchange, AckControlNumbers.of(numbers[0], numbers[1], numbers[2]), null, out);
                    return out.toByteArray();
                })));
    }

    /** The CONTRL of one EDIFACT interchange. */
    private void acknowledgeInterchange(InterchangeResult result, boolean rejectEverything, boolean acceptedWithErrors) {
        AckPolicy policy = policy();
        InterchangeHeader declaredHeader = declared(result.header(), null);
        List<InterchangeResult> variants = List.of(result, new InterchangeResult(declaredHeader,
                result.groups().stream().map(g -> new GroupResult(new EnvelopeFacts(declaredHeader, g.envelope().group()),
                        g.transactions(), g.problems())).toList(), result.problems()));
        acknowledgements.add(new AcknowledgementDraft("CONTRL", ".edi", AcknowledgementDraft.ENVELOPE_NUMBERS,
                numbers -> firstWritten(variants, variant -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    AckControlNumbers ackNumbers = AckControlNumbers.of(numbers[0], numbers[1], numbers[2]);
                    if (acceptedWithErrors) {
                        new ContrlWriter().writeAcceptedWithErrors(variant, policy, partner.validation(), ackNumbers, out);
                    } else {
                        new ContrlWriter().write(variant, policy, partner.validation(), rejectEverything, ackNumbers, out);
                    }
                    return out.toByteArray();
                })));
    }

    /**
     * The acknowledgement as the first variant that writes: as the inbound envelope asks, else in
     * the partner's declared version with its fallback delimiters (a version without an
     * acknowledgement schema, a delimiter StAEDI cannot write with).
     */
    private <T> byte[] firstWritten(List<T> variants, Function<T, byte[]> writer) {
        List<String> failures = new ArrayList<>();
        for (T variant : variants) {
            try {
                byte[] written = writer.apply(variant);
                if (!failures.isEmpty()) {
                    LOG.warn("Partner {} file {}: acknowledgement written in the partner's declared version and "
                            + "fallback delimiters, as the inbound ones failed: {}", partner.id(), fileName, failures);
                }
                return written;
            } catch (EdiException e) {
                // no schema to write this version with, or delimiters StAEDI refuses
                failures.add(e.getMessage());
            }
        }
        throw new EdiWriteException("cannot be written: " + String.join("; ", failures), null);
    }

    /** The group as if sent in the partner's registered version and answered with its fallback delimiters. */
    private GroupResult declared(GroupResult group) {
        GroupHeader inbound = group.envelope().group();
        GroupHeader header = new GroupHeader(inbound.functionalId(), inbound.applicationSender(),
                inbound.applicationReceiver(), inbound.date(), inbound.time(), inbound.controlNumber(), partner.version());
        return new GroupResult(new EnvelopeFacts(declared(group.envelope().interchange(), partner.version()), header),
                group.transactions(), group.problems());
    }

    /** The interchange header with the fallback delimiters and, for X12, the ISA12 of {@code groupVersion}. */
    private InterchangeHeader declared(InterchangeHeader inbound, String groupVersion) {
        Delimiters delimiters = FallbackDelimiters.of(partner, inbound.standard());
        String version = groupVersion == null ? inbound.version() : groupVersion.substring(0, 5);
        return new InterchangeHeader(inbound.standard(), inbound.syntaxIdentifier(), version, inbound.senderQualifier(),
                inbound.senderId(), inbound.receiverQualifier(), inbound.receiverId(), inbound.controlNumber(),
                inbound.date(), inbound.time(), inbound.testIndicator(), inbound.ackRequested(), delimiters);
    }

    /**
     * An interchange rejected before anything in it was looked at: a TA1 (X12) or a CONTRL
     * rejecting it at UCI level (EDIFACT) naming the envelope element at fault.
     */
    private void rejectWhole(InterchangeHeader header, EnvelopeProblem problem) {
        if (header.standard() == EdiStandard.X12) {
            acknowledgements.add(new AcknowledgementDraft("TA1", ".x12", AcknowledgementDraft.INTERCHANGE_NUMBER,
                    numbers -> Ta1Notice.reject(header, own, numbers[0], problem.error().x12(), LocalDateTime.now())));
        } else {
            acknowledgeInterchange(new InterchangeResult(header, List.of(), List.of(problem)), false, false);
        }
    }

    /** The first sight of an interchange: is it from this partner, and is it new? */
    private void enter(InterchangeHeader header) {
        if (header == interchange) {
            return;
        }
        interchange = header;
        admittedInInterchange = 0;
        boolean x12 = header.standard() == EdiStandard.X12;
        String sender = Partner.senderKey(header.senderQualifier(), header.senderId(), x12);
        if (!sender.equals(partner.senderKey())) {
            // ISA06 / UNB S002
            skip = new Skip(Skip.Kind.REFUSED, "sender " + sender + " is not partner " + partner.id() + " (" + partner.senderKey() + ")",
                    new EnvelopeProblem(EnvelopeError.INTERCHANGE_SENDER_UNKNOWN, x12 ? "ISA" : "UNB", x12 ? 6 : 2, sender));
            rejections.add("interchange " + header.controlNumber() + " rejected: unknown partner id, " + skip.reason());
            return;
        }
        receivers.check(header).ifPresent(error -> {
            // ISA07/08 / UNB S003
            String receiver = x12 ? header.receiverQualifier() + ":" + header.receiverId()
                    : Partner.senderKey(header.receiverQualifier(), header.receiverId(), false);
            boolean qualifier = error == EnvelopeError.INTERCHANGE_RECEIVER_QUALIFIER_INVALID;
            skip = new Skip(Skip.Kind.REFUSED, "addressed to " + receiver + ", which is not Interchange "
                    + (x12 ? receivers.x12() : receivers.edifact()),
                    new EnvelopeProblem(error, x12 ? "ISA" : "UNB", x12 ? (qualifier ? 7 : 8) : 3, receiver));
            rejections.add("interchange " + header.controlNumber() + " rejected: wrong receiver, " + skip.reason());
        });
        if (skip != null) {
            return;
        }
        services.register().firstReceipt(partner.id(), header.controlNumber()).ifPresent(first -> {
            if (first.isFile(fileKey)) {
                // this very file (name, size and time), handled and answered before: a run stopped
                // (a crash, a killed instance) after registering it and before moving it
                skip = new Skip(Skip.Kind.READ_AGAIN, "was handled from this same file before (same name, size and"
                        + " modification time) and its acknowledgements went out then; the file had not been moved"
                        + " when that run stopped", null);
                return;
            }
            // ISA13 / UNB 0020
            skip = new Skip(Skip.Kind.DUPLICATE, "duplicate of interchange " + header.controlNumber() + " received in "
                    + first.fileName(), new EnvelopeProblem(EnvelopeError.INTERCHANGE_DUPLICATE, x12 ? "ISA" : "UNB",
                            x12 ? 13 : 5, header.controlNumber()));
        });
    }

    private void reportDuplicate(InterchangeHeader header) {
        services.metrics().duplicateInterchange(partner.id());
        LOG.warn("Partner {} file {}: interchange {} not processed again, {}", partner.id(), fileName,
                header.controlNumber(), skip.reason());
        rejections.add("interchange " + header.controlNumber() + " not processed: " + skip.reason());
        if (partner.acknowledgements().duplicate() == Partner.DuplicatePolicy.TA1) {
            rejectWhole(header, skip.problem());
        }
    }

    private void admit(ObjectNode order, String group, String transaction, String setId) {
        String json = order.toString();
        batch.add(new Admitting(services.admission().canonical(order), json, interchange.controlNumber(), group,
                transaction, setId, order.path("header").path("externalOrderNumber").asText()));
        batchChars += json.length();
        if (batch.size() >= services.admissionBatch() || batchChars >= MAX_BATCH_CHARS) {
            flush();
        }
    }

    /**
     * Hands the waiting orders to the admission thread: it puts them on the bus with one commit,
     * then tracks them, while the reader goes on. Called when the batch is full and at each group's
     * and interchange's end (which then wait for every batch, so that what is acknowledged is on the
     * bus); never after a failed read, whose file is read again at the next poll.
     */
    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<Admitting> orders = List.copyOf(batch);
        batch.clear();
        batchChars = 0;
        admissions.submit(() -> admit(orders), this::counted);
    }

    /** On the admission thread: one batch on the bus and in the tracking store. */
    private List<Admission> admit(List<Admitting> orders) {
        // the 855/ORDRSP is the only reader of the tracked copy of the canonical order (the bus has
        // the other until the ERP took it): partners without one do not get the copy. A known order's
        // copy is kept only if it turns out to be the order's first record (EdiTracking.recordAll)
        boolean keepsOrder = partner.mappings().orderResponse() != null;
        List<Admission> admissions = services.admission().admitAll(orders.stream().map(Admitting::order).toList());
        List<EdiTransactionRecord> records = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            Admitting order = orders.get(i);
            Admission admission = admissions.get(i);
            records.add(new EdiTransactionRecord(partner.id(), fileName, order.interchange(), order.group(),
                    order.transaction(), order.setId(), order.number(), admission.documentId(),
                    admission.duplicate() ? "duplicate" : "admitted", null, keepsOrder ? order.json() : null));
        }
        services.tracking().recordAll(records);
        return admissions;
    }

    /** Back on the reader's thread: a batch's admissions counted. */
    private void counted(List<Admission> batchAdmissions) {
        for (Admission admission : batchAdmissions) {
            if (admission.duplicate()) {
                duplicates++;
            } else {
                admitted++;
            }
            admittedInInterchange++;
            count(admission.duplicate() ? "duplicate" : "admitted");
        }
    }

    /**
     * Held-back orders go on the bus only if their whole interchange is accepted: its envelope and
     * every group and transaction in it.
     *
     * @return whether the interchange is accepted as a whole
     */
    private boolean settleHeldBack(InterchangeResult result) {
        if (!partner.acknowledgements().rejectWholeInterchange()) {
            return true;
        }
        boolean accepted = result.valid() && groupsOfInterchange.stream()
                .allMatch(group -> GroupVerdict.of(group, AckPolicy.REJECT_WHOLE_GROUP, partner.validation(), false)
                        .status() != AckStatus.REJECTED);
        if (accepted) {
            pending.drain(held -> admit((ObjectNode) held.get("order"), text(held, "group"), text(held, "transaction"),
                    text(held, "setId")));
        } else if (pending.size() > 0) {
            rejections.add("interchange " + interchange.controlNumber() + " rejected as a whole (partner policy): "
                    + pending.size() + " good order(s) in it not admitted");
            pending.drain(held -> {
                count("rejected");
                services.tracking().record(new EdiTransactionRecord(partner.id(), fileName, interchange.controlNumber(),
                        text(held, "group"), text(held, "transaction"), text(held, "setId"),
                        held.path("order").path("header").path("externalOrderNumber").asText(null), null, "rejected",
                        "rejected with its interchange (partner policy: reject the whole interchange)", null));
            });
        }
        return accepted;
    }

    private void reject(EdiTransaction transaction, String group, String reason) {
        count("rejected");
        rejections.add("interchange " + interchange.controlNumber() + " group " + group + " transaction "
                + transaction.setId() + " " + transaction.controlNumber() + " rejected: " + reason);
        track(transaction, group, externalNumber(transaction), "rejected", reason);
    }

    /** A transaction that did not become an order on the bus: no document, no canonical copy. */
    private void track(EdiTransaction transaction, String group, String number, String state, String reason) {
        services.tracking().record(new EdiTransactionRecord(partner.id(), fileName, interchange.controlNumber(), group,
                transaction.controlNumber(), transaction.setId(), number, null, state, reason, null));
    }

    /**
     * The group as acknowledged: transactions refused after the syntax check carry a problem at
     * the document's header segment (BEG / BGM), so the acknowledgement rejects them too.
     */
    private GroupResult withRefusals(GroupResult group) {
        List<TransactionOutcome> outcomes = new ArrayList<>();
        for (TransactionOutcome outcome : group.transactions()) {
            List<ValidationProblem> extra = refused.get(outcome.controlNumber());
            EnvelopeProblem unsupported = notSupported.get(outcome.controlNumber());
            if (extra == null && unsupported == null) {
                outcomes.add(outcome);
            } else {
                List<ValidationProblem> problems = new ArrayList<>(outcome.problems());
                problems.addAll(extra == null ? List.of() : extra);
                List<EnvelopeProblem> envelopeProblems = new ArrayList<>(outcome.envelopeProblems());
                if (unsupported != null) {
                    envelopeProblems.add(unsupported);
                }
                outcomes.add(new TransactionOutcome(outcome.setId(), outcome.controlNumber(), outcome.version(),
                        outcome.implementationReference(), problems, envelopeProblems));
            }
        }
        return new GroupResult(group.envelope(), outcomes, group.problems());
    }

    /** Where a refused transaction's content problem is reported: its document header segment, second after ST/UNH. */
    private static ValidationProblem anchor(EdiTransaction transaction) {
        String tag = transaction.envelope().standard() == EdiStandard.X12 ? "BEG" : "BGM";
        return new ValidationProblem(tag, 2, null, 0, 0, 0, null, null, AckCode.SEGMENT_HAS_DATA_ELEMENT_ERRORS);
    }

    private void count(String outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    private AckPolicy policy() {
        return partner.acknowledgements().rejectWholeInterchange() ? AckPolicy.REJECT_WHOLE_GROUP
                : AckPolicy.REJECT_FAILING_TRANSACTIONS;
    }

    private static String describe(EdiTransaction transaction) {
        List<String> parts = new ArrayList<>();
        transaction.envelopeProblems().forEach(p -> parts.add(p.error().description() + " (" + p + ")"));
        transaction.problems().forEach(p -> parts.add(p.code().description() + " (" + p + ")"));
        return String.join("; ", parts);
    }

    private static String externalNumber(EdiTransaction transaction) {
        String number = transaction.tree().path("BEG").path("BEG03").asText(null);
        return number != null ? number : transaction.tree().path("BGM").path("BGM02").asText(null);
    }

    private static String groupNumber(GroupResult group) {
        return group.envelope().group() == null ? "-" : group.envelope().group().controlNumber();
    }

    private static String text(ObjectNode node, String field) {
        return node.path(field).isNull() ? null : node.path(field).asText(null);
    }

    /**
     * Why an interchange is not looked at, and the envelope problem that says so to the partner
     * (none for one read again: the partner had its answer).
     */
    private record Skip(Kind kind, String reason, EnvelopeProblem problem) {

        enum Kind {
            /** not this partner's, or not addressed to Interchange: rejected as a whole */
            REFUSED,
            /** its control number came before in another file (or another upload): reported per partner policy */
            DUPLICATE,
            /** the same file read again after a stop between its registration and its move: archived, nothing sent */
            READ_AGAIN
        }
    }

    /** An order waiting for its batch to go on the bus, with what its tracking record needs. */
    private record Admitting(Order order, String json, String interchange, String group, String transaction,
            String setId, String number) {
    }
}
