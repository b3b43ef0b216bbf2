package io.interchange.sftp;

import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * An operation the drop box refuses, with the sentence the partner's client shows. SFTP version 3
 * (what OpenSSH, JSch and WinSCP speak by default) knows only nine status codes, so a quota or disk
 * refusal goes to those clients as {@code SSH_FX_FAILURE}; clients of version 5 and later get the
 * precise code ({@code SSH_FX_QUOTA_EXCEEDED}, {@code SSH_FX_NO_SPACE_ON_FILESYSTEM}).
 */
public class DropBoxRefusal extends SftpException {

    private static final long serialVersionUID = 1L;

    private final int version3Status;

    private DropBoxRefusal(int status, int version3Status, String message) {
        super(status, message);
        this.version3Status = version3Status;
    }

    public static DropBoxRefusal denied(String message) {
        return new DropBoxRefusal(SftpConstants.SSH_FX_PERMISSION_DENIED, SftpConstants.SSH_FX_PERMISSION_DENIED, message);
    }

    public static DropBoxRefusal quota(String message) {
        return new DropBoxRefusal(SftpConstants.SSH_FX_QUOTA_EXCEEDED, SftpConstants.SSH_FX_FAILURE, message);
    }

    public static DropBoxRefusal diskFull(String message) {
        return new DropBoxRefusal(SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM, SftpConstants.SSH_FX_FAILURE, message);
    }

    /** The status code for a client that speaks {@code sftpVersion}. */
    public int status(int sftpVersion) {
        return sftpVersion >= SftpConstants.SFTP_V5 ? getStatus() : version3Status;
    }
}
