package io.interchange.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The node id: configured, or made from host, process and a random suffix. */
class NodeIdentityTest {

    @Test
    void aConfiguredIdIsKeptTrimmed() {
        assertThat(NodeIdentity.resolve("  erp-gw-1 ", "host", 42, 7)).isEqualTo("erp-gw-1");
    }

    @Test
    void withoutOneTheIdNamesHostAndProcessWithARandomSuffix() {
        assertThat(NodeIdentity.resolve("", "Build-Host", 4711, 0xbeef)).isEqualTo("build-host-4711-beef");
        assertThat(NodeIdentity.resolve(null, "h", 1, 0x1)).isEqualTo("h-1-0001");
    }
}
