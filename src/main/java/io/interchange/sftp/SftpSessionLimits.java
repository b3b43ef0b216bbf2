package io.interchange.sftp;

import java.time.Duration;

/**
 * How long a drop-box connection may take and stay: {@code login} from connecting to being logged
 * in (a client that dribbles its handshake a byte at a time is cut off here), {@code idle} without
 * one complete SSH message (bytes that never make a whole message do not count), {@code read}
 * without a single byte on the socket (zero: off); and how many login attempts one connection may make.
 */
public record SftpSessionLimits(Duration login, Duration idle, Duration read, int loginAttempts) {

    public SftpSessionLimits {
        if (login.isZero() || login.isNegative() || idle.isZero() || idle.isNegative() || read.isNegative()
                || loginAttempts < 1) {
            throw new IllegalArgumentException("drop-box session limits: login and idle timeouts must be positive, "
                    + "the read timeout not negative, login attempts at least 1");
        }
    }
}
