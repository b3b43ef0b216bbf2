package io.interchange.sftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A partner's upload, checked against its {@link UploadLimits} before each write reaches the disk.
 * The first write over a limit closes the file, removes what was written of it and answers the
 * refusal (the client shows it as the error of its put); every later write on the handle answers
 * the same. What the partner's other files hold and the free space are looked up again after every
 * {@value #RECHECK_BYTES} bytes, so concurrent uploads of one partner overshoot the inbound limit
 * by at most that much each.
 */
class LimitedUploadChannel implements SeekableByteChannel {

    static final long RECHECK_BYTES = 1 << 20;

    /** What the channel asks the file system, where the answers change while it writes. */
    interface Room {
        long otherInboundBytes() throws IOException;

        long freeBytes() throws IOException;
    }

    private final SeekableByteChannel file;
    private final Path path;
    private final UploadLimits limits;
    private final Room room;
    private long size;
    private long otherInboundBytes;
    private long freeBytes;
    private long grownSinceCheck = RECHECK_BYTES;
    private DropBoxRefusal refusal;

    LimitedUploadChannel(SeekableByteChannel file, Path path, UploadLimits limits, Room room) throws IOException {
        this.file = file;
        this.path = path;
        this.limits = limits;
        this.room = room;
        this.size = file.size();
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        if (refusal != null) {
            throw refusal;
        }
        long end = Math.max(size, file.position() + source.remaining());
        long growth = end - size;
        if (grownSinceCheck >= RECHECK_BYTES) {
            otherInboundBytes = room.otherInboundBytes();
            freeBytes = room.freeBytes();
            grownSinceCheck = 0;
        }
        Optional<DropBoxRefusal> refused = limits.write(end, growth, otherInboundBytes, freeBytes - grownSinceCheck);
        if (refused.isPresent()) {
            refusal = refused.get();
            file.close();
            Files.deleteIfExists(path);
            throw refusal;
        }
        int written = file.write(source);
        size = Math.max(size, file.position());
        grownSinceCheck += growth;
        return written;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        return file.read(target);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public SeekableByteChannel position(long position) throws IOException {
        if (refusal == null) {
            file.position(position);
        }
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public SeekableByteChannel truncate(long length) throws IOException {
        file.truncate(length);
        size = Math.min(size, length);
        return this;
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
