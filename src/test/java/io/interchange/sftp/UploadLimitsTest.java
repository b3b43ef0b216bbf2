package io.interchange.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.sshd.sftp.common.SftpConstants;
import org.junit.jupiter.api.Test;

class UploadLimitsTest {

    private final UploadLimits limits = new UploadLimits(1_000, 2_500, 10_000);

    @Test
    void aWriteUpToTheFileLimitGoesOn() {
        assertThat(limits.write(1_000, 1_000, 0, 1_000_000)).isEmpty();
    }

    @Test
    void aWritePastTheFileLimitIsAQuotaRefusal() {
        DropBoxRefusal refusal = limits.write(1_001, 1, 0, 1_000_000).orElseThrow();

        assertThat(refusal.getMessage()).startsWith("quota exceeded: a file may hold at most 1000 bytes")
                .contains("cut off and removed");
        assertThat(refusal.status(3)).isEqualTo(SftpConstants.SSH_FX_FAILURE);
        assertThat(refusal.status(6)).isEqualTo(SftpConstants.SSH_FX_QUOTA_EXCEEDED);
    }

    @Test
    void theOtherFilesInInboundCountTowardsThePartnersTotal() {
        assertThat(limits.write(500, 500, 2_000, 1_000_000)).isEmpty();
        assertThat(limits.write(501, 1, 2_000, 1_000_000)).hasValueSatisfying(refusal ->
                assertThat(refusal.getMessage()).contains("inbound/ may hold at most 2500 bytes in all (2000 wait there already)"));
    }

    @Test
    void theDiskFloorRefusesOpeningAndGrowingButNotRewriting() {
        assertThat(limits.open(9_999)).hasValueSatisfying(refusal -> {
            assertThat(refusal.getMessage()).contains("out of space").contains("9999 bytes free, 10000 kept in reserve");
            assertThat(refusal.status(3)).isEqualTo(SftpConstants.SSH_FX_FAILURE);
            assertThat(refusal.status(5)).isEqualTo(SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM);
        });
        assertThat(limits.open(10_000)).isEmpty();
        assertThat(limits.write(600, 100, 0, 10_050)).as("growth would eat into the reserve").isPresent();
        assertThat(limits.write(600, 0, 0, 10_050)).as("overwriting in place takes no space").isEmpty();
    }

    @Test
    void limitsMustMakeSense() {
        assertThatThrownBy(() -> new UploadLimits(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadLimits(1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
