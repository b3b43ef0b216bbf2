package io.interchange.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.interchange.support.EdiSamples;
import org.junit.jupiter.api.Test;

/**
 * The EDI reader against 600 mutated partner files (seeded, so a failure can be replayed): bytes
 * cut, doubled, swapped, replaced by delimiters or line breaks, files truncated, prefixed with
 * junk or a byte order mark, interchanges glued together. Whatever comes in: no exception other
 * than a named refusal ({@link NotEdiException}) escapes, no file takes more than a bounded time,
 * and every problem the reader reports names its cause.
 */
class EdiReaderFuzzTest {

    private static final long SEED = 20261201L;
    private static final int FILES = 600;
    private static final List<String> CORPUS = List.of(
            "x12/acme-850-004010-single.edi", "x12/acme-850-004010-three-orders.edi",
            "x12/acme-850-004010-bad-trailers.edi", "x12/acme-850-and-810-004010.edi",
            "x12/globex-850-005010-two-interchanges-one-line.edi", "x12/acme-mailbag-two-delimiter-sets.edi",
            "x12/acme-850-004010-wrapped-80.edi", "x12/acme-855-004010-sent-inbound.edi",
            "edifact/globex-orders-d96a-una.edi", "edifact/globex-orders-d96a-no-una-two-messages.edi",
            "edifact/globex-orders-d96a-with-ung.edi", "edifact/globex-orders-d96a-bad-unt-count.edi");
    private static final byte[] SPECIAL = "~*>^|:'+?\r\n ISAGSSTSEGEIEAUNAUNBUNHUNTUNZ".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void noMutatedFileEscapesTheReaderHangsItOrIsRefusedWithoutACause() {
        Random random = new Random(SEED);
        int refused = 0;
        int read = 0;
        for (int i = 0; i < FILES; i++) {
            byte[] original = EdiSamples.text(CORPUS.get(random.nextInt(CORPUS.size()))).getBytes(StandardCharsets.ISO_8859_1);
            byte[] mutated = mutate(original, random, 1 + random.nextInt(4));
            String label = "file " + i + " (seed " + SEED + ")";
            Collected collected = new Collected();
            boolean[] refusedHere = {false};
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try {
                    collected.summary = new EdiInterchangeReader().read(new ByteArrayInputStream(mutated), collected);
                } catch (NotEdiException e) {
                    assertThat(e.getMessage()).as(label).startsWith("Not an EDI file: ");
                    refusedHere[0] = true;
                }
            }, label);
            if (refusedHere[0]) {
                refused++;
                continue;
            }
            read++;
            assertCausesNamed(collected, label);
        }
        assertThat(read + refused).isEqualTo(FILES);
        assertThat(read).as("most mutations still leave something to read").isGreaterThan(FILES / 2);
    }

    private static void assertCausesNamed(Collected collected, String label) {
        for (EdiTransaction transaction : collected.transactions) {
            if (!transaction.valid()) {
                assertThat(transaction.problems().size() + transaction.envelopeProblems().size())
                        .as(label + ": an invalid transaction says why").isPositive();
            }
            transaction.problems().forEach(p -> assertThat(p.code()).as(label).isNotNull());
            transaction.envelopeProblems().forEach(p -> assertThat(p.error()).as(label).isNotNull());
        }
        for (GroupResult group : collected.groups) {
            group.problems().forEach(p -> assertThat(p.error()).as(label).isNotNull());
        }
        for (InterchangeResult interchange : collected.interchanges) {
            assertThat(interchange.header()).as(label + ": an interchange end has its header").isNotNull();
            interchange.problems().forEach(p -> assertThat(p.error()).as(label).isNotNull());
        }
        collected.unreadable.forEach(reason -> assertThat(reason).as(label).matches("interchange \\d+ of the file is unreadable: .+"));
        collected.notes.forEach(note -> assertThat(note).as(label).isNotBlank());
    }

    private static byte[] mutate(byte[] original, Random random, int times) {
        byte[] data = original;
        for (int t = 0; t < times; t++) {
            data = mutateOnce(data, random);
        }
        return data;
    }

    private static byte[] mutateOnce(byte[] data, Random random) {
        int length = data.length;
        int at = length == 0 ? 0 : random.nextInt(length);
        int span = length == 0 ? 0 : 1 + random.nextInt(Math.max(1, Math.min(40, length - at)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 64);
        switch (random.nextInt(10)) {
            case 0 -> { // cut a range
                out.write(data, 0, at);
                out.write(data, Math.min(length, at + span), length - Math.min(length, at + span));
            }
            case 1 -> { // double a range
                out.write(data, 0, Math.min(length, at + span));
                out.write(data, at, Math.min(span, length - at));
                out.write(data, Math.min(length, at + span), length - Math.min(length, at + span));
            }
            case 2 -> { // a delimiter, a tag or a line break in the middle
                out.write(data, 0, at);
                int from = random.nextInt(SPECIAL.length);
                out.write(SPECIAL, from, Math.min(SPECIAL.length - from, 1 + random.nextInt(3)));
                out.write(data, at, length - at);
            }
            case 3 -> { // truncate
                out.write(data, 0, at);
            }
            case 4 -> { // random bytes over a range
                out.write(data, 0, length);
                byte[] bytes = out.toByteArray();
                for (int i = at; i < Math.min(length, at + span); i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                return bytes;
            }
            case 5 -> { // byte order mark and junk in front
                if (random.nextBoolean()) {
                    out.write(0xEF);
                    out.write(0xBB);
                    out.write(0xBF);
                }
                out.writeBytes("routing: VAN-42\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.write(data, 0, length);
            }
            case 6 -> { // wrap at a random width
                int width = 20 + random.nextInt(100);
                for (int i = 0; i < length; i += width) {
                    out.write(data, i, Math.min(width, length - i));
                    out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            case 7 -> { // the file twice: a mailbag
                out.write(data, 0, length);
                out.write(data, 0, length);
            }
            case 8 -> { // swap two halves
                out.write(data, at, length - at);
                out.write(data, 0, at);
            }
            default -> { // a segment terminator replaced
                out.write(data, 0, length);
                byte[] bytes = out.toByteArray();
                List<Integer> terminators = new ArrayList<>();
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '~' || bytes[i] == '\'') {
                        terminators.add(i);
                    }
                }
                if (!terminators.isEmpty()) {
                    bytes[terminators.get(random.nextInt(terminators.size()))] = (byte) SPECIAL[random.nextInt(SPECIAL.length)];
                }
                return bytes;
            }
        }
        return out.toByteArray();
    }
}
