package io.interchange.partner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Drop-box password hashes as the registry stores them (few iterations: the format, not the cost, is under test). */
class PasswordHashTest {

    @Test
    void aHashMatchesItsPasswordAndNoOther() {
        String hash = PasswordHash.of("s3cret", 10_000);

        assertThat(PasswordHash.matches(hash, "s3cret")).isTrue();
        assertThat(PasswordHash.matches(hash, "s3cret ")).isFalse();
        assertThat(PasswordHash.matches(hash, "")).isFalse();
        assertThat(PasswordHash.matches(hash, null)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        String first = PasswordHash.of("s3cret", 10_000);
        String second = PasswordHash.of("s3cret", 10_000);

        assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha256$10000$");
        assertThat(PasswordHash.matches(second, "s3cret")).isTrue();
    }

    @Test
    void theDefaultCostIsOwaspsFigure() {
        assertThat(PasswordHash.of("s3cret")).startsWith("pbkdf2-sha256$600000$");
    }

    @Test
    void theIterationCountIsReadFromTheHash() {
        String hash = PasswordHash.of("s3cret", 10_000);
        String otherCount = hash.replace("$10000$", "$10001$");

        assertThat(PasswordHash.isWellFormed(otherCount)).isTrue();
        assertThat(PasswordHash.matches(otherCount, "s3cret")).isFalse();
    }

    @Test
    void onlyTheRegistryFormatIsWellFormedAndAnythingElseNeverMatches() {
        String hash = PasswordHash.of("s3cret", 10_000);

        assertThat(PasswordHash.isWellFormed(hash)).isTrue();
        for (String malformed : new String[] {null, "", "s3cret", "pbkdf2-sha1$10000$c2FsdA==$aGFzaA==",
                "pbkdf2-sha256$999$c2FsdA==$aGFzaA==", "pbkdf2-sha256$123456789$c2FsdA==$aGFzaA==",
                "pbkdf2-sha256$10000$c2FsdA==", "pbkdf2-sha256$10000$c2Fs dA==$aGFzaA=="}) {
            assertThat(PasswordHash.isWellFormed(malformed)).as(malformed).isFalse();
            assertThat(PasswordHash.matches(malformed, "s3cret")).as(malformed).isFalse();
        }
    }
}
