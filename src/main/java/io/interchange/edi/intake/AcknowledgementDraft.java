package io.interchange.edi.intake;

import java.util.List;
import java.util.function.Function;

/**
 * An acknowledgement decided while its file was read, written only at delivery, with the control
 * numbers drawn then ({@link ControlNumberSequence#inTransaction}): a number is spent only on an
 * acknowledgement that reaches the partner's {@code outbound/}.
 *
 * @param type      997, 999, CONTRL or TA1: the start of the file name
 * @param extension of the file name ({@code .x12}, {@code .edi})
 * @param kinds     the control numbers it needs, in the order {@code writer} receives them
 * @param writer    the acknowledgement's bytes for the numbers drawn
 */
public record AcknowledgementDraft(String type, String extension, List<String> kinds, Function<long[], byte[]> writer) {

    /** ISA13/GS06/ST02, UNB 0020/(UNG)/UNH 0062. */
    static final List<String> ENVELOPE_NUMBERS = List.of("interchange", "group", "transaction");
    /** A TA1 stands alone in its ISA/IEA. */
    static final List<String> INTERCHANGE_NUMBER = List.of("interchange");

    public OutboundDocument write(long[] numbers) {
        return new OutboundDocument(type + "-" + numbers[0] + extension, writer.apply(numbers));
    }
}
