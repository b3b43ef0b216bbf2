package io.interchange.sftp;

import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;

/**
 * Sends a {@link DropBoxRefusal}'s own sentence and the status code the client's SFTP version
 * knows; MINA would otherwise answer a generic "Permission denied" or "General failure". Other
 * errors keep MINA's generic text, which names no server path.
 */
public class DropBoxRefusalMessages implements SftpErrorStatusDataHandler {

    @Override
    public int resolveSubStatus(SftpSubsystemEnvironment sftp, int id, Throwable e, int cmd, Object... args) {
        DropBoxRefusal refusal = refusal(e);
        return refusal != null ? refusal.status(sftp.getVersion())
                : SftpErrorStatusDataHandler.super.resolveSubStatus(sftp, id, e, cmd, args);
    }

    @Override
    public String resolveErrorMessage(SftpSubsystemEnvironment sftp, int id, Throwable e, int subStatus, int cmd,
            Object... args) {
        DropBoxRefusal refusal = refusal(e);
        return refusal != null ? refusal.getMessage()
                : SftpErrorStatusDataHandler.super.resolveErrorMessage(sftp, id, e, subStatus, cmd, args);
    }

    private static DropBoxRefusal refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DropBoxRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
