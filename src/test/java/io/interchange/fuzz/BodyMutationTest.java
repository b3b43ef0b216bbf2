package io.interchange.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fuzzer's own mutations apply to any document in any order: CI once failed on a body whose
 * only member left was an earlier duplicate's marker ("bound must be positive").
 */
class BodyMutationTest {

    @Property(tries = 3000)
    void anySequenceOfMutationsGivesABody(@ForAll("documents") String json, @ForAll("sequences") List<BodyMutation> mutations,
            @ForAll long seed) {
        ObjectNode document = BodyMutation.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        byte[] body = BodyMutation.apply(document, mutations, new Random(seed));

        assertThat(body).isNotNull();
        if (mutations.isEmpty()) {
            assertThat(BodyMutation.parse(body)).isEqualTo(document);
        }
    }

    @Property(tries = 200)
    void aDuplicatedKeyIsWrittenTwice(@ForAll long seed) {
        ObjectNode document = BodyMutation.parse("{\"only\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        String body = new String(BodyMutation.apply(document, List.of(BodyMutation.DUPLICATE_KEY), new Random(seed)),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(body.split("\"only\"", -1)).hasSize(3);
    }

    @Provide
    Arbitrary<String> documents() {
        return Arbitraries.of("{\"a\":1}", "{\"a\":{\"b\":2}}", "{\"a\":[1,{\"c\":\"x\"}],\"d\":null}", "{\"e\":[]}", "{\"f\":{}}");
    }

    @Provide
    Arbitrary<List<BodyMutation>> sequences() {
        return Arbitraries.of(BodyMutation.class).list().ofMinSize(0).ofMaxSize(8);
    }
}
