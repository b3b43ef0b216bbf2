package io.interchange.edi.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.interchange.edi.EdiWriteException;
import io.interchange.support.TrackingDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Control numbers are spent only on documents that went out, and commit with the records saying
 * that they did: a pass stopped before its commit draws the same numbers again.
 */
class ControlNumberSequenceTest {

    private static final List<String> ENVELOPE = List.of("interchange", "group", "transaction");

    private static HikariDataSource dataSource;
    private static ControlNumberSequence numbers;
    private static InterchangeRegister register;

    @BeforeAll
    static void database() throws Exception {
        dataSource = TrackingDatabase.migrated("control-number-sequence-test");
        numbers = new ControlNumberSequence(dataSource);
        register = new InterchangeRegister(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void numbersFollowOnePerDocumentWithoutGaps() {
        long[] first = numbers.inTransaction("p-seq", ENVELOPE, draws -> draws.next(ENVELOPE, values -> values));
        long[] second = numbers.inTransaction("p-seq", ENVELOPE, draws -> draws.next(ENVELOPE, values -> values));

        assertThat(first).containsExactly(1, 1, 1);
        assertThat(second).containsExactly(2, 2, 2);
    }

    @Test
    void aDocumentThatCannotBeWrittenGivesItsNumbersBackAndTheOthersOfItsTransactionKeepTheirs() {
        List<Long> written = new ArrayList<>();

        numbers.inTransaction("p-drafts", ENVELOPE, draws -> {
            written.add(draws.next(ENVELOPE, values -> values[0]));
            assertThatThrownBy(() -> draws.next(ENVELOPE, values -> {
                throw new EdiWriteException("cannot be written: no schema", null);
            })).isInstanceOf(EdiWriteException.class);
            written.add(draws.next(ENVELOPE, values -> values[0]));
            return null;
        });

        assertThat(written).containsExactly(1L, 2L);
        long next = numbers.inTransaction("p-drafts", ENVELOPE, draws -> draws.next(ENVELOPE, values -> values[0]));
        assertThat(next).isEqualTo(3);
    }

    @Test
    void aPassStoppedBeforeItsCommitRegistersNothingAndDrawsTheSameNumbersAgain() {
        List<Long> firstPass = new ArrayList<>();
        assertThatThrownBy(() -> numbers.inTransaction("p-stop", ENVELOPE, draws -> {
            firstPass.add(draws.next(ENVELOPE, values -> values[0]));
            register.register(draws.connection(), "p-stop", "000000901", "po.edi", "po.edi|10|1", 1);
            throw new IllegalStateException("stopped before the commit");
        })).hasMessage("stopped before the commit");
        assertThat(register.firstReceipt("p-stop", "000000901")).as("registered by the stopped pass").isEmpty();

        long again = numbers.inTransaction("p-stop", ENVELOPE, draws -> {
            long number = draws.next(ENVELOPE, values -> values[0]);
            register.register(draws.connection(), "p-stop", "000000901", "po.edi", "po.edi|10|1", 1);
            return number;
        });

        assertThat(firstPass).containsExactly(1L);
        assertThat(again).as("the same number, so the same file name").isEqualTo(1);
        assertThat(register.firstReceipt("p-stop", "000000901")).contains(
                new InterchangeRegister.Receipt("po.edi", "po.edi|10|1"));
    }

    @Test
    void anInterchangeRegisteredBeforeKeepsItsFirstReceiptAndTheTransactionGoesOn() {
        numbers.inTransaction("p-again", List.of(), draws -> {
            register.register(draws.connection(), "p-again", "000000902", "first.edi", "first.edi|10|1", 2);
            return null;
        });

        long number = numbers.inTransaction("p-again", ENVELOPE, draws -> {
            register.register(draws.connection(), "p-again", "000000902", "second.edi", "second.edi|10|2", 2);
            return draws.next(ENVELOPE, values -> values[0]);
        });

        assertThat(number).isEqualTo(1);
        assertThat(register.firstReceipt("p-again", "000000902")).contains(
                new InterchangeRegister.Receipt("first.edi", "first.edi|10|1"));
    }
}
