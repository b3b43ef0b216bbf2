package io.xlate.edi.internal.stream.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDIType;
import io.xlate.edi.stream.EDIInputFactory;
import org.junit.jupiter.api.Test;

/**
 * Guards Interchange's stand-in for StAEDI's {@code UsageNode} (see its comment and
 * docs/staedi-usage-node-hotspot.md): it must be the class loaded, it must replace exactly the
 * StAEDI class it was written against, and its memoised {@code getChildren(version)} must answer
 * as StAEDI's does.
 */
class StaediUsageNodePatchTest {

    private static final String PATCHED_VERSION = "1.26.0";
    /** SHA-256 of io/xlate/edi/internal/stream/validation/UsageNode.class in staedi-1.26.0.jar. */
    private static final String ORIGINAL_SHA256 = "47f70123d19676f255f06a03bcf8d9d2ad640496038a62f2aa962c36f97ccd3b";
    private static final String CLASS_ENTRY = "io/xlate/edi/internal/stream/validation/UsageNode.class";

    private static final String UPGRADE = "StAEDI changed under Interchange's UsageNode stand-in "
            + "(src/main/java/io/xlate/edi/internal/stream/validation/UsageNode.java): compare it with the new "
            + "release's UsageNode (is getChildren(version) still streaming on every call? did the class gain or "
            + "change members?), port the differences or delete the stand-in if upstream fixed the hotspot, then "
            + "update this test's version and checksum";

    @Test
    void theStaediReleaseIsTheOneThePatchWasWrittenFor() throws Exception {
        try (ZipFile jar = staediJar()) {
            Properties pom = new Properties();
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/maven/io.xlate/staedi/pom.properties"))) {
                pom.load(in);
            }
            assertThat(pom.getProperty("version")).as(UPGRADE).isEqualTo(PATCHED_VERSION);

            ZipEntry original = jar.getEntry(CLASS_ENTRY);
            assertThat(original).as(UPGRADE + " (the class is gone)").isNotNull();
            try (InputStream in = jar.getInputStream(original)) {
                String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
                assertThat(sha256).as(UPGRADE).isEqualTo(ORIGINAL_SHA256);
            }
        }
    }

    @Test
    void theStandInIsLoadedInsteadOfStaedisClass() {
        URL loadedFrom = UsageNode.class.getProtectionDomain().getCodeSource().getLocation();
        URL staedi = EDIInputFactory.class.getProtectionDomain().getCodeSource().getLocation();
        assertThat(loadedFrom).as("UsageNode must come from Interchange's classes, not the StAEDI jar: "
                + "Interchange's classes must stay ahead of lib/ on the class path").isNotEqualTo(staedi);
    }

    @Test
    void childrenOfAVersionAreThoseThatMayOccurInIt() {
        UsageNode segment = node(null, "SEG", 1, 1);
        UsageNode always = node(segment, "E1", 1, 1);
        UsageNode upTo4010 = node(segment, "E2", 1, 1);
        segment.getChildren().addAll(Arrays.asList(always, null, upTo4010));

        assertThat(segment.getChildren("004010")).containsExactly(always, null, upTo4010);
        assertThat(segment.getChildren("005010")).containsExactly(always, null);
        assertThat(segment.getChild("005010", 1)).isNull();
        assertThat(segment.getChild("004010", 2)).isSameAs(upTo4010);
        assertThat(segment.getChild("004010", 3)).isNull();
    }

    @Test
    void theFilteredChildrenAreReusedUntilTheVersionOrTheChildrenChange() {
        UsageNode segment = node(null, "SEG", 1, 1);
        UsageNode first = node(segment, "E1", 0, 1);
        segment.getChildren().add(first);

        List<UsageNode> once = segment.getChildren("004010");
        assertThat(segment.getChildren("004010")).isSameAs(once);

        UsageNode second = node(segment, "E2", 0, 1);
        segment.getChildren().add(second); // the validator adds children while it builds the tree
        assertThat(segment.getChildren("004010")).containsExactly(first, second);
        assertThat(segment.getChildren(null)).containsExactly(first, second);
    }

    /** A node whose reference may occur up to version 004010 when its id is E2, in every version otherwise. */
    private static UsageNode node(UsageNode parent, String id, int min, int max) {
        EDIType type = new EDIType() {
            @Override
            public String getId() {
                return id;
            }

            @Override
            public String getCode() {
                return id;
            }

            @Override
            public Type getType() {
                return Type.ELEMENT;
            }

            @Override
            public String getTitle() {
                return null;
            }

            @Override
            public String getDescription() {
                return null;
            }
        };
        EDIReference link = new EDIReference() {
            @Override
            public EDIType getReferencedType() {
                return type;
            }

            @Override
            public int getMinOccurs() {
                return min;
            }

            @Override
            public int getMaxOccurs() {
                return max;
            }

            @Override
            public int getMaxOccurs(String version) {
                return "E2".equals(id) && version != null && version.compareTo("004010") > 0 ? 0 : max;
            }

            @Override
            public String getTitle() {
                return null;
            }

            @Override
            public String getDescription() {
                return null;
            }
        };
        int index = parent == null ? -1 : parent.getChildren().size();
        return new UsageNode(parent, parent == null ? 1 : parent.getDepth() + 1, link, index);
    }

    private static ZipFile staediJar() throws Exception {
        return new ZipFile(new File(EDIInputFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
}
