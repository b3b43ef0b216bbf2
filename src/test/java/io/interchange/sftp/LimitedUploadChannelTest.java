package io.interchange.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitedUploadChannelTest {

    @TempDir
    Path folder;

    @Test
    void theWriteThatCrossesTheLimitIsRefusedAndTheFileRemoved() throws Exception {
        Path file = folder.resolve("big.edi");
        LimitedUploadChannel upload = open(file, new UploadLimits(10_000, 1_000_000, 0), room(0, Long.MAX_VALUE));

        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                upload.position(i * 1_000L);
                upload.write(ByteBuffer.wrap(new byte[1_000]));
            }
        }).isInstanceOf(DropBoxRefusal.class).hasMessageContaining("quota exceeded");

        assertThat(file).doesNotExist();
        assertThat(upload.isOpen()).isFalse();
        assertThatThrownBy(() -> upload.position(0).write(ByteBuffer.wrap(new byte[1])))
                .as("every later write on the handle answers the same").isInstanceOf(DropBoxRefusal.class);
    }

    @Test
    void writesUpToTheLimitLandOnDisk() throws Exception {
        Path file = folder.resolve("fits.edi");
        try (LimitedUploadChannel upload = open(file, new UploadLimits(10_000, 1_000_000, 0), room(0, Long.MAX_VALUE))) {
            for (int i = 0; i < 10; i++) {
                upload.position(i * 1_000L);
                upload.write(ByteBuffer.wrap(new byte[1_000]));
            }
        }
        assertThat(Files.size(file)).isEqualTo(10_000);
    }

    @Test
    void theRoomIsAskedAgainAfterEachMegabyte() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        LimitedUploadChannel.Room counting = new LimitedUploadChannel.Room() {
            @Override
            public long otherInboundBytes() {
                asked.incrementAndGet();
                return 0;
            }

            @Override
            public long freeBytes() {
                return Long.MAX_VALUE;
            }
        };
        try (LimitedUploadChannel upload = open(folder.resolve("3mb.edi"), new UploadLimits(10 << 20, 10 << 20, 0), counting)) {
            byte[] chunk = new byte[32 * 1024];
            for (long written = 0; written < 3 << 20; written += chunk.length) {
                upload.write(ByteBuffer.wrap(chunk));
            }
        }
        assertThat(asked.get()).isEqualTo(3);
    }

    @Test
    void anotherUploadThatFillsInboundMeanwhileStopsThisOne() throws Exception {
        AtomicInteger others = new AtomicInteger();
        LimitedUploadChannel.Room growing = new LimitedUploadChannel.Room() {
            @Override
            public long otherInboundBytes() {
                return others.get();
            }

            @Override
            public long freeBytes() {
                return Long.MAX_VALUE;
            }
        };
        Path file = folder.resolve("second.edi");
        LimitedUploadChannel upload = open(file, new UploadLimits(4 << 20, 4 << 20, 0), growing);
        byte[] chunk = new byte[64 * 1024];
        for (long written = 0; written < 1 << 20; written += chunk.length) {
            upload.write(ByteBuffer.wrap(chunk));
        }
        others.set(3 << 20);

        assertThatThrownBy(() -> upload.write(ByteBuffer.wrap(chunk))).hasMessageContaining("inbound/ may hold at most");
        assertThat(file).doesNotExist();
    }

    private static LimitedUploadChannel open(Path file, UploadLimits limits, LimitedUploadChannel.Room room) throws Exception {
        return new LimitedUploadChannel(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                file, limits, room);
    }

    private static LimitedUploadChannel.Room room(long others, long free) {
        return new LimitedUploadChannel.Room() {
            @Override
            public long otherInboundBytes() {
                return others;
            }

            @Override
            public long freeBytes() {
                return free;
            }
        };
    }
}
