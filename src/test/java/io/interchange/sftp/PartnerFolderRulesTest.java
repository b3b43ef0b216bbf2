package io.interchange.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PartnerFolderRulesTest {

    @Test
    void filesArePutOnlyDirectlyIntoInbound() {
        assertThat(PartnerFolderRules.write(List.of("inbound", "po.edi"))).isEmpty();
        assertThat(PartnerFolderRules.write(List.of("outbound", "997-1.edi"))).contains(PartnerFolderRules.OUTBOUND_READ_ONLY);
        assertThat(PartnerFolderRules.write(List.of("po.edi"))).contains(PartnerFolderRules.INBOUND_ONLY);
        assertThat(PartnerFolderRules.write(List.of("inbound", "sub", "po.edi"))).contains(PartnerFolderRules.INBOUND_ONLY);
    }

    @Test
    void renamingWorksWithinInboundOnly() {
        assertThat(PartnerFolderRules.rename(List.of("inbound", "po.edi.part"), List.of("inbound", "po.edi"))).isEmpty();
        assertThat(PartnerFolderRules.rename(List.of("inbound", "po.edi"), List.of("outbound", "po.edi")))
                .contains(PartnerFolderRules.OUTBOUND_READ_ONLY);
        assertThat(PartnerFolderRules.rename(List.of("outbound", "997-1.edi"), List.of("outbound", "seen.edi")))
                .contains(PartnerFolderRules.OUTBOUND_READ_ONLY);
        assertThat(PartnerFolderRules.rename(List.of("inbound", "po.edi"), List.of("po.edi")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("within inbound/"));
    }

    @Test
    void theFixedFoldersCannotBeRenamedOrRemoved() {
        assertThat(PartnerFolderRules.rename(List.of("inbound"), List.of("gone"))).contains(PartnerFolderRules.FIXED_FOLDERS);
        assertThat(PartnerFolderRules.rename(List.of("outbound"), List.of("inbound", "x"))).contains(PartnerFolderRules.FIXED_FOLDERS);
        assertThat(PartnerFolderRules.remove(List.of("inbound"), true)).contains(PartnerFolderRules.FIXED_FOLDERS);
        assertThat(PartnerFolderRules.remove(List.of("outbound"), true)).contains(PartnerFolderRules.FIXED_FOLDERS);
        assertThat(PartnerFolderRules.rename(List.of(), List.of("x"))).contains(PartnerFolderRules.FIXED_FOLDERS);
    }

    @Test
    void filesInInboundAndOutboundMayBeRemovedFoldersNever() {
        assertThat(PartnerFolderRules.remove(List.of("inbound", "po.edi"), false)).isEmpty();
        assertThat(PartnerFolderRules.remove(List.of("outbound", "997-1.edi"), false)).as("picking up an acknowledgement").isEmpty();
        assertThat(PartnerFolderRules.remove(List.of("inbound", "sub"), true)).contains(PartnerFolderRules.NO_FOLDERS);
        assertThat(PartnerFolderRules.remove(List.of("stray.txt"), false)).isPresent();
    }

    @Test
    void noFoldersAndNoLinksAreMade() {
        assertThat(PartnerFolderRules.makeDirectory(List.of("inbound", "sub"))).contains(PartnerFolderRules.NO_FOLDERS);
        assertThat(PartnerFolderRules.makeDirectory(List.of("archive"))).contains(PartnerFolderRules.NO_FOLDERS);
        assertThat(PartnerFolderRules.link()).contains(PartnerFolderRules.NO_LINKS);
    }
}
