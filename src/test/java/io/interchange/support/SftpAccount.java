package io.interchange.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Vector;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;

/** A real SFTP client (JSch, as camel-ftp uses it) logged in to a drop-box account, as a partner would be. */
public final class SftpAccount implements AutoCloseable {

    private final Session session;
    private final ChannelSftp channel;

    private SftpAccount(Session session, ChannelSftp channel) {
        this.session = session;
        this.channel = channel;
    }

    public static SftpAccount login(int port, String user, String password) throws JSchException {
        return connect(new JSch(), port, user, password);
    }

    public static SftpAccount loginWithKey(int port, String user, String privateKeyFile) throws JSchException {
        JSch jsch = new JSch();
        jsch.addIdentity(privateKeyFile);
        return connect(jsch, port, user, null);
    }

    private static SftpAccount connect(JSch jsch, int port, String user, String password) throws JSchException {
        Session session = jsch.getSession(user, "localhost", port);
        if (password != null) {
            session.setPassword(password);
        }
        Properties config = new Properties();
        config.put("StrictHostKeyChecking", "no");
        config.put("PreferredAuthentications", password != null ? "password" : "publickey");
        session.setConfig(config);
        session.connect(10_000);
        ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
        channel.connect(10_000);
        return new SftpAccount(session, channel);
    }

    public void put(String path, byte[] content) throws SftpException {
        channel.put(new ByteArrayInputStream(content), path);
    }

    public void put(String path, String content) throws SftpException {
        put(path, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Opens {@code path} for writing and leaves it open: the caller writes the rest later, like a slow upload. */
    public OutputStream open(String path) throws SftpException {
        return channel.put(path);
    }

    /** Opens {@code path} for reading: a large file is read as it downloads, never held whole. */
    public InputStream read(String path) throws SftpException {
        return channel.get(path);
    }

    public String get(String path) throws SftpException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        channel.get(path, out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** File names in {@code dir} (no dot files), sorted. */
    public List<String> list(String dir) throws SftpException {
        List<String> names = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Vector<ChannelSftp.LsEntry> entries = channel.ls(dir);
        for (ChannelSftp.LsEntry entry : entries) {
            if (!entry.getFilename().startsWith(".")) {
                names.add(entry.getFilename());
            }
        }
        names.sort(null);
        return names;
    }

    public List<String> listQuietly(String dir) {
        try {
            return list(dir);
        } catch (SftpException e) {
            return List.of();
        }
    }

    /** Sets the file's modification time, as {@code sftp put -p} or {@code touch -d} would (whole seconds). */
    public void setModified(String path, java.time.Instant modified) throws SftpException {
        channel.setMtime(path, (int) modified.getEpochSecond());
    }

    public void rename(String from, String to) throws SftpException {
        channel.rename(from, to);
    }

    public void rm(String path) throws SftpException {
        channel.rm(path);
    }

    public void symlink(String target, String link) throws SftpException {
        channel.symlink(target, link);
    }

    public void mkdir(String path) throws SftpException {
        channel.mkdir(path);
    }

    public void rmdir(String path) throws SftpException {
        channel.rmdir(path);
    }

    /** Permission bits of {@code path} as the server reports them (e.g. 0750). */
    public int permissions(String path) throws SftpException {
        return channel.stat(path).getPermissions() & 07777;
    }

    public String pwd() throws SftpException {
        return channel.pwd();
    }

    @Override
    public void close() {
        channel.disconnect();
        session.disconnect();
    }
}
