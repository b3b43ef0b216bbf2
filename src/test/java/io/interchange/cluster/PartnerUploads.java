package io.interchange.cluster;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SftpException;
import io.interchange.support.SftpAccount;

/**
 * A partner's SFTP client (a real one: JSch) dropping files into a drop box that two instances
 * serve, as through a load balancer: one file to one instance, the next to the other, and to the
 * other one when a session breaks. Each file is written under {@code <name>.part} and then renamed
 * (as docs/operations.md section 15 advises partners: a half-written file is never taken). After a
 * break the client looks before it acts again: a {@code .part} that is gone was renamed already,
 * one still there is renamed now, and only a write that never finished is written again.
 */
final class PartnerUploads {

    private final String user;
    private final String password;
    private final List<Integer> ports;
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    PartnerUploads(String user, String password, List<Integer> ports) {
        this.user = user;
        this.password = password;
        this.ports = ports;
    }

    /** Puts {@code content} as {@code inbound/<name>}, retrying on the other instance until it is there. */
    void upload(String name, String content) {
        int first = turn.getAndIncrement();
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean written = new AtomicBoolean();
        await("upload of " + name).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .pollDelay(Duration.ZERO).pollInSameThread()
                .until(() -> {
                    int attempt = attempts.getAndIncrement();
                    if (attempt > 0) {
                        retries.incrementAndGet();
                    }
                    return uploaded(ports.get((first + attempt) % ports.size()), name, content, written);
                });
    }

    /** Attempts beyond the first of each file. */
    int retries() {
        return retries.get();
    }

    private boolean uploaded(int port, String name, String content, AtomicBoolean written) {
        String part = "inbound/" + name + ".part";
        try (SftpAccount account = SftpAccount.login(port, user, password)) {
            if (!written.get()) {
                account.put(part, content);
                written.set(true);
            }
            if (account.list("inbound").contains(name + ".part")) {
                account.rename(part, "inbound/" + name);
            }
            return true;
        } catch (JSchException | SftpException e) {
            // the instance died or is not up yet: the next attempt goes to the other one
            return false;
        }
    }
}
