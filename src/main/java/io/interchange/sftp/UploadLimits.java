package io.interchange.sftp;

import java.util.Optional;

/**
 * How much a partner may put into the drop box, checked while the bytes arrive rather than after:
 * a file may grow to {@code maxFileBytes}; all files in the partner's {@code inbound/} together to
 * {@code maxInboundBytes}; and no partner write goes on while the drop box's disk has less than
 * {@code minFreeBytes} free, so a full disk never stops the database, the broker journal or the
 * acknowledgements that share it.
 */
public record UploadLimits(long maxFileBytes, long maxInboundBytes, long minFreeBytes) {

    public UploadLimits {
        if (maxFileBytes < 1 || maxInboundBytes < 1 || minFreeBytes < 0) {
            throw new IllegalArgumentException("drop-box limits: max-file-bytes and max-inbound-bytes must be positive, "
                    + "min-free-bytes not negative");
        }
    }

    /** Opening a file for writing while the disk has {@code freeBytes} usable. */
    public Optional<DropBoxRefusal> open(long freeBytes) {
        return freeBytes < minFreeBytes ? Optional.of(diskFull(freeBytes)) : Optional.empty();
    }

    /**
     * A write that makes the file {@code fileEnd} bytes long, adding {@code growth} bytes to the disk,
     * while the partner's other files in {@code inbound/} hold {@code otherInboundBytes} and the disk
     * has {@code freeBytes} usable.
     */
    public Optional<DropBoxRefusal> write(long fileEnd, long growth, long otherInboundBytes, long freeBytes) {
        if (fileEnd > maxFileBytes) {
            return Optional.of(DropBoxRefusal.quota("quota exceeded: a file may hold at most " + maxFileBytes
                    + " bytes; the upload was cut off and removed"));
        }
        if (otherInboundBytes + fileEnd > maxInboundBytes) {
            return Optional.of(DropBoxRefusal.quota("quota exceeded: inbound/ may hold at most " + maxInboundBytes
                    + " bytes in all (" + otherInboundBytes + " wait there already); the upload was cut off and removed"));
        }
        if (growth > 0 && freeBytes - growth < minFreeBytes) {
            return Optional.of(diskFull(freeBytes));
        }
        return Optional.empty();
    }

    private DropBoxRefusal diskFull(long freeBytes) {
        return DropBoxRefusal.diskFull("the drop box is out of space (" + freeBytes + " bytes free, " + minFreeBytes
                + " kept in reserve); try again later");
    }
}
