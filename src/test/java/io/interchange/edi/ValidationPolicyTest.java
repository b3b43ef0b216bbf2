package io.interchange.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationPolicyTest {

    private static ValidationProblem problem(AckCode code) {
        return new ValidationProblem("ZZZ", 5, null, code.elementLevel() ? 1 : 0, 0, 0, null, null, code);
    }

    private static GroupResult group(List<ValidationProblem> problems) {
        return new GroupResult(null, List.of(new TransactionOutcome("850", "0001", "004010", null, problems, List.of())),
                List.of());
    }

    @Test
    void lenientToleratesWhatIsOutsideTheSchemaButNotWhatIsBroken() {
        assertThat(ValidationPolicy.LENIENT.tolerates(problem(AckCode.SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET))).isTrue();
        assertThat(ValidationPolicy.LENIENT.tolerates(problem(AckCode.INVALID_CODE_VALUE))).isTrue();
        assertThat(ValidationPolicy.LENIENT.tolerates(problem(AckCode.TOO_MANY_DATA_ELEMENTS))).isTrue();
        assertThat(ValidationPolicy.LENIENT.tolerates(problem(AckCode.MANDATORY_ELEMENT_MISSING))).isFalse();
        assertThat(ValidationPolicy.LENIENT.tolerates(problem(AckCode.DATA_ELEMENT_TOO_LONG))).isFalse();
        assertThat(ValidationPolicy.LENIENT.tolerates(problem(AckCode.INVALID_CHARACTER))).isFalse();
        assertThat(ValidationPolicy.LENIENT.tolerates(problem(AckCode.MANDATORY_SEGMENT_MISSING))).isFalse();
        assertThat(ValidationPolicy.LENIENT.tolerates(problem(AckCode.SEGMENT_HAS_DATA_ELEMENT_ERRORS))).isFalse();
        assertThat(ValidationPolicy.STRICT.tolerates(problem(AckCode.SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET))).isFalse();
    }

    @Test
    void aToleratedProblemGivesAnAcceptedWithErrorsVerdict() {
        GroupResult group = group(List.of(problem(AckCode.UNRECOGNIZED_SEGMENT_ID)));
        GroupVerdict lenient = GroupVerdict.of(group, AckPolicy.REJECT_FAILING_TRANSACTIONS, ValidationPolicy.LENIENT, false);
        assertThat(lenient.transactionStatus(group.transactions().get(0))).isEqualTo(AckStatus.ACCEPTED_WITH_ERRORS);
        assertThat(lenient.status()).isEqualTo(AckStatus.ACCEPTED_WITH_ERRORS);
        assertThat(AckStatus.ACCEPTED_WITH_ERRORS.edifactAction()).isEqualTo("7");
        GroupVerdict strict = GroupVerdict.of(group, AckPolicy.REJECT_FAILING_TRANSACTIONS, ValidationPolicy.STRICT, false);
        assertThat(strict.status()).isEqualTo(AckStatus.REJECTED);
        GroupResult broken = group(List.of(problem(AckCode.DATA_ELEMENT_TOO_LONG)));
        assertThat(GroupVerdict.of(broken, AckPolicy.REJECT_FAILING_TRANSACTIONS, ValidationPolicy.LENIENT, false)
                .status()).isEqualTo(AckStatus.REJECTED);
        GroupResult clean = group(List.of());
        assertThat(GroupVerdict.of(clean, AckPolicy.REJECT_FAILING_TRANSACTIONS, ValidationPolicy.LENIENT, false)
                .status()).isEqualTo(AckStatus.ACCEPTED);
    }
}
