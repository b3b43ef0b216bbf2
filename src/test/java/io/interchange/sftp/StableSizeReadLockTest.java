package io.interchange.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.junit.jupiter.api.Test;

class StableSizeReadLockTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final StableSizeReadLock lock = new StableSizeReadLock(1_000, 2_000, 20_000);

    @Test
    void sameSizeAndTimeTwiceAndOldEnoughIsStable() {
        assertThat(lock.isStable(listing(500, 5_000), listing(500, 5_000), NOW)).isTrue();
    }

    @Test
    void aGrowingFileIsNotStableEvenWhenItsTimeLooksOld() {
        // a client that keeps the modification time (or one second resolution) must not fool the size check
        assertThat(lock.isStable(listing(500, 5_000), listing(900, 5_000), NOW)).isFalse();
    }

    @Test
    void aFileTouchedJustNowIsNotStable() {
        assertThat(lock.isStable(listing(500, 1_000), listing(500, 1_000), NOW)).isFalse();
        assertThat(lock.isStable(listing(500, 5_000), listing(500, 4_000), NOW)).isFalse();
    }

    @Test
    void anEmptyFileOldEnoughIsStableSoItIsTakenAndAnswered() {
        // a 0-byte file must leave inbound/ with a reason file, not sit there forever
        assertThat(lock.isStable(listing(0, 5_000), listing(0, 5_000), NOW)).isTrue();
        assertThat(lock.isStable(listing(0, 1_000), listing(0, 1_000), NOW)).isFalse();
    }

    private static SftpRemoteFile<Object> listing(long length, long ageMs) {
        return new SftpRemoteFile<>() {
            @Override
            public Object getRemoteFile() {
                return null;
            }

            @Override
            public String getFilename() {
                return "po.edi";
            }

            @Override
            public String getLongname() {
                return "po.edi";
            }

            @Override
            public boolean isDirectory() {
                return false;
            }

            @Override
            public long getFileLength() {
                return length;
            }

            @Override
            public long getLastModified() {
                return NOW.toEpochMilli() - ageMs;
            }
        };
    }
}
