package io.interchange.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;

/**
 * A partner's {@code outbound/} folder as the partner sees it over SFTP: the files Interchange
 * writes back (997/999/CONTRL/TA1/855). Tests sharing a partner's folder find their own file by a
 * mark in its content and take it away.
 */
public final class OutboundFolder {

    private OutboundFolder() {
    }

    /** Waits for a file named {@code prefix...} whose content has {@code mark}, removes it and returns its content. */
    public static String take(SftpAccount account, String prefix, String mark) {
        AtomicReference<String> found = new AtomicReference<>();
        // a listing that meets a file renamed or removed between reading the folder and its
        // attributes fails as a whole (SSHD's READDIR); a partner lists again, so does this
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsMatching(OutboundFolder::vanishedDuringListing).until(() -> {
            for (String name : account.list("outbound")) {
                if (name.startsWith(prefix)) {
                    String content = account.get("outbound/" + name);
                    if (content.contains(mark)) {
                        account.rm("outbound/" + name);
                        found.set(content);
                        return true;
                    }
                }
            }
            return false;
        });
        return found.get();
    }

    private static boolean vanishedDuringListing(Throwable e) {
        return e instanceof SftpException sftp && sftp.id == ChannelSftp.SSH_FX_NO_SUCH_FILE;
    }

    /** The contents of the files named {@code prefix...} holding {@code mark}, left in place. */
    public static List<String> peek(SftpAccount account, String prefix, String mark) throws Exception {
        List<String> found = new java.util.ArrayList<>();
        for (String name : account.list("outbound")) {
            if (name.startsWith(prefix)) {
                String content = account.get("outbound/" + name);
                if (content.contains(mark)) {
                    found.add(content);
                }
            }
        }
        return found;
    }
}
