package io.interchange.sftp;

import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * The files partners have open for writing on the drop box right now. The intake leaves such a
 * file alone whatever its size and age (a client that stalls mid-upload), so that a file it does
 * take is complete, and one that ends mid-interchange is answered as broken at once instead of
 * being waited for. A session that ends closes its handles, so a dead client holds nothing.
 */
public class UploadsInProgress implements SftpEventListener {

    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    @Override
    public void open(ServerSession session, String remoteHandle, Handle localHandle) {
        if (writing(localHandle)) {
            open.merge(key(session.getUsername(), localHandle), 1, Integer::sum);
        }
    }

    @Override
    public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown) {
        if (writing(localHandle)) {
            open.computeIfPresent(key(session.getUsername(), localHandle), (k, count) -> count > 1 ? count - 1 : null);
        }
    }

    /** Is {@code fileName} in the partner's {@code inbound/} open for writing in any session of the partner? */
    public boolean isOpen(String partnerId, String fileName) {
        return open.containsKey(partnerId + ":/inbound/" + fileName);
    }

    private static boolean writing(Handle handle) {
        return handle instanceof FileHandle file && (file.getOpenOptions().contains(StandardOpenOption.WRITE)
                || file.getOpenOptions().contains(StandardOpenOption.APPEND));
    }

    /** The partner and the path as its session sees it (rooted at its home). */
    private static String key(String username, Handle handle) {
        return username + ":" + handle.getFile().toAbsolutePath().normalize();
    }
}
