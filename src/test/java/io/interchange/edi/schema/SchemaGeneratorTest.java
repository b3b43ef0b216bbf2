package io.interchange.edi.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.interchange.edi.EdiStandard;
import io.interchange.edi.TransactionSchemas;
import io.xlate.edi.schema.EDIComplexType;
import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDISimpleType;
import io.xlate.edi.schema.EDIType;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SchemaGeneratorTest {

    private static final SchemaGenerator X12 = new SchemaGenerator(SchemaSource.load("x12"));
    private static final SchemaGenerator EDIFACT = new SchemaGenerator(SchemaSource.load("edifact"));

    @Test
    void everySupportedVersionHasAnOrderAndAnAcknowledgementSchema() {
        for (String version : TransactionSchemas.X12_VERSIONS) {
            assertThat(TransactionSchemas.builtIn().find(EdiStandard.X12, "850", version)).as(version).isPresent();
            assertThat(TransactionSchemas.builtIn().find(EdiStandard.X12, "997", version)).as(version).isPresent();
        }
        assertThat(TransactionSchemas.builtIn().find(EdiStandard.X12, "999", "005010X231A1")).isPresent();
        for (String directory : TransactionSchemas.EDIFACT_DIRECTORIES) {
            String version = "D:" + directory.substring(1) + ":UN";
            assertThat(TransactionSchemas.builtIn().find(EdiStandard.EDIFACT, "ORDERS", version)).as(version).isPresent();
        }
    }

    @Test
    void gs08SuffixesAndEancomAssociationCodesFindTheirVersion() {
        assertThat(TransactionSchemas.supported(EdiStandard.X12, "850", "004010VICS")).isTrue();
        assertThat(TransactionSchemas.supported(EdiStandard.X12, "850", "003050UCS")).isTrue();
        assertThat(TransactionSchemas.supported(EdiStandard.EDIFACT, "ORDERS", "D:96A:UN:EAN008")).isTrue();
        assertThat(TransactionSchemas.supported(EdiStandard.EDIFACT, "ORDERS", "D:01B:UN:EAN010")).isTrue();
        assertThat(TransactionSchemas.supported(EdiStandard.X12, "850", "002040")).isFalse();
        assertThat(TransactionSchemas.supported(EdiStandard.X12, "999", "004010")).isFalse();
        assertThat(TransactionSchemas.supported(EdiStandard.EDIFACT, "ORDERS", "D:95B:UN")).isFalse();
    }

    @Test
    void the4010LayoutHasLoopsWhereThe3000SeriesHasSegments() {
        Schema v4010 = parse(X12.xml("850", "004010"));
        Schema v3040 = parse(X12.xml("850", "003040"));
        assertThat(child(loop(v4010, "PO1Loop"), "CTPLoop")).isNotNull();
        assertThat(child(loop(v4010, "PO1Loop"), "CTP")).isNull();
        assertThat(child(loop(v3040, "PO1Loop"), "CTP")).isNotNull();
        assertThat(child(loop(v3040, "PO1Loop"), "CTPLoop")).isNull();
        assertThat(child(v4010.getStandard(), "NTE")).isNull();
        assertThat(child(v3040.getStandard(), "NTE")).isNotNull();
        assertThat(child(v4010.getStandard(), "SACLoop")).isNotNull();
    }

    @Test
    void olderVersionsGetTheirShorterLengthsAndTypes() {
        EDISimpleType date3 = (EDISimpleType) parse(X12.xml("850", "003010")).getType("E373");
        EDISimpleType date4 = (EDISimpleType) parse(X12.xml("850", "004010")).getType("E373");
        assertThat(date3.getMaxLength()).isEqualTo(6);
        assertThat(date4.getMinLength()).isEqualTo(8);
        EDISimpleType quantity = (EDISimpleType) parse(X12.xml("850", "005010")).getType("E330");
        assertThat(quantity.getBase()).isEqualTo(EDISimpleType.Base.DECIMAL);
        EDIComplexType ak4Old = (EDIComplexType) parse(X12.xml("997", "003020")).getType("AK4");
        EDIComplexType ak4New = (EDIComplexType) parse(X12.xml("997", "004010")).getType("AK4");
        assertThat(ak4Old.getReferences().get(0).getReferencedType().getType()).isEqualTo(EDIType.Type.ELEMENT);
        assertThat(ak4New.getReferences().get(0).getReferencedType().getType()).isEqualTo(EDIType.Type.COMPOSITE);
    }

    @Test
    void ordersHasEveryGroupOfTheMessageWithItsSegmentGroupNumber() {
        String xml = EDIFACT.xml("orders", "D96A");
        for (int group = 1; group <= 54; group++) {
            assertThat(xml).as("SG" + group).contains("title=\"SG" + group + "\"");
        }
        Schema schema = parse(xml);
        EDIComplexType nad = loop(schema, "NADLoop");
        assertThat(child(nad, "RFFLoop")).isNotNull();
        assertThat(child(schema.getStandard(), "ALI")).isNotNull();
        assertThat(child(loop(schema, "LINLoop"), "MEA")).isNotNull();
        EDIComplexType bgm96 = (EDIComplexType) schema.getType("BGM");
        EDIComplexType bgm01 = (EDIComplexType) parse(EDIFACT.xml("orders", "D01B")).getType("BGM");
        assertThat(bgm96.getReferences().get(1).getReferencedType().getType()).isEqualTo(EDIType.Type.ELEMENT);
        assertThat(bgm01.getReferences().get(1).getReferencedType().getType()).isEqualTo(EDIType.Type.COMPOSITE);
    }

    @Test
    void aRowForOtherVersionsIsLeftOutWithItsChildren() {
        assertThat(VersionRange.parse("004010-").contains("005010")).isTrue();
        assertThat(VersionRange.parse("004010-").contains("003070")).isFalse();
        assertThat(VersionRange.parse("003010-003070").contains("003050UCS")).isTrue();
        assertThat(VersionRange.parse("D01B-").contains("D03B")).isTrue();
        assertThat(VersionRange.parse("D01B-").contains("D99B")).isFalse();
        assertThat(X12.xml("850", "003010")).doesNotContain("SPILoop").doesNotContain("\"CB1\"");
        assertThat(X12.xml("850", "004060")).contains("SPILoop").contains("\"CB1\"");
    }

    private static EDIComplexType loop(Schema schema, String code) {
        return (EDIComplexType) child(schema.getStandard(), code).getReferencedType();
    }

    private static EDIReference child(EDIComplexType type, String code) {
        return type.getReferences().stream().filter(r -> SchemaGenerator.loopName(r.getReferencedType().getCode()).equals(code)).findFirst()
                .orElse(null);
    }

    private static Schema parse(String xml) {
        try {
            return SchemaFactory.newFactory().createSchema(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(xml, e);
        }
    }
}
