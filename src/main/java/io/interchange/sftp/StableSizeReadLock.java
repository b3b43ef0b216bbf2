package io.interchange.sftp;

import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a partner file only once two listings {@code checkInterval} apart show the same size and
 * modification time, the file is at least one byte long and at least {@code minAge} old; and hands
 * that listing on, so the file-length header the route checks against the partner's size limit is
 * the stable size, not the one of the poll's listing taken while the file may still have grown.
 * (Camel's SFTP "changed" read lock compares no sizes once a minimum age is set, and Camel fills the
 * headers from the poll's listing.) A file that does not settle within {@code timeout} is left for a
 * later poll.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public class StableSizeReadLock implements GenericFileExclusiveReadLockStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(StableSizeReadLock.class);

    private long checkIntervalMs;
    private final long minAgeMs;
    private long timeoutMs;

    public StableSizeReadLock(long checkIntervalMs, long minAgeMs, long timeoutMs) {
        this.checkIntervalMs = checkIntervalMs;
        this.minAgeMs = minAgeMs;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations operations, GenericFile file, Exchange exchange)
            throws Exception {
        Instant giveUp = Instant.now().plusMillis(timeoutMs);
        SftpRemoteFile previous = null;
        while (true) {
            SftpRemoteFile current = listing(operations, file);
            if (current == null) {
                return false;
            }
            if (previous != null && isStable(previous, current, Instant.now())) {
                file.setFile(current);
                file.setFileLength(current.getFileLength());
                file.setLastModified(current.getLastModified());
                return true;
            }
            previous = current;
            if (Instant.now().plusMillis(checkIntervalMs).isAfter(giveUp)) {
                LOG.debug("File {} did not settle within {} ms; left for a later poll", file.getFileNameOnly(), timeoutMs);
                return false;
            }
            try {
                Thread.sleep(checkIntervalMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Same size and time in both listings, and old enough. An empty file is taken too once it is
     * old enough: it is answered as empty instead of sitting in inbound/ unanswered.
     */
    boolean isStable(SftpRemoteFile before, SftpRemoteFile now, Instant at) {
        return before.getFileLength() == now.getFileLength() && before.getLastModified() == now.getLastModified()
                && Duration.between(Instant.ofEpochMilli(now.getLastModified()), at).toMillis() >= minAgeMs;
    }

    private static SftpRemoteFile listing(GenericFileOperations operations, GenericFile file) {
        for (Object entry : operations.listFiles(file.getParent())) {
            SftpRemoteFile remote = (SftpRemoteFile) entry;
            if (!remote.isDirectory() && remote.getFilename().equals(file.getFileNameOnly())) {
                return remote;
            }
        }
        return null;
    }

    @Override
    public void prepareOnStartup(GenericFileOperations operations, GenericFileEndpoint endpoint) {
        // nothing left behind to clean: this lock writes no marker files
    }

    @Override
    public void releaseExclusiveReadLockOnAbort(GenericFileOperations operations, GenericFile file, Exchange exchange) {
        // nothing held on the server
    }

    @Override
    public void releaseExclusiveReadLockOnRollback(GenericFileOperations operations, GenericFile file, Exchange exchange) {
        // nothing held on the server
    }

    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations operations, GenericFile file, Exchange exchange) {
        // nothing held on the server
    }

    @Override
    public void setTimeout(long timeout) {
        this.timeoutMs = timeout;
    }

    @Override
    public void setCheckInterval(long checkInterval) {
        this.checkIntervalMs = checkInterval;
    }

    @Override
    public void setReadLockLoggingLevel(LoggingLevel readLockLoggingLevel) {
        // refusals are logged at DEBUG: a file still being written is normal
    }

    @Override
    public void setMarkerFiler(boolean markerFile) {
        // no marker files
    }

    @Override
    public void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
        // no marker files
    }
}
