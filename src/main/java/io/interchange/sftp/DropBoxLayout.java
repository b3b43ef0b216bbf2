package io.interchange.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where the embedded drop box keeps files, under {@code <data dir>/sftp}:
 * <pre>
 *   partners/&lt;id&gt;/inbound    the partner puts files here
 *   partners/&lt;id&gt;/outbound   the partner gets acknowledgements and responses here
 *   archive/&lt;id&gt;/            files taken and fully processed (out of the partner's sight)
 *   error/&lt;id&gt;/              files refused, each with a .reason.txt beside it
 * </pre>
 * A partner's SFTP session is rooted at {@code partners/<id>}, so it sees only its own two
 * folders; Interchange's own account is rooted at the top. Paths here are those SFTP paths.
 */
public record DropBoxLayout(Path root) {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-x---");

    /**
     * The root made absolute: MINA's virtual file system resolves a session's {@code realpath .}
     * against it, and a relative root (the default {@code ./data/sftp}) answers "Invalid filename",
     * which OpenSSH's sftp and JSch both ask for before anything else.
     */
    public DropBoxLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path partnerHome(String partnerId) {
        return root.resolve("partners").resolve(partnerId);
    }

    public static String inbound(String partnerId) {
        return "/partners/" + partnerId + "/inbound";
    }

    public static String outbound(String partnerId) {
        return "/partners/" + partnerId + "/outbound";
    }

    public static String archive(String partnerId) {
        return "/archive/" + partnerId;
    }

    public static String error(String partnerId) {
        return "/error/" + partnerId;
    }

    /** Creates the partner's folders if missing (each {@code rwxr-x---}); never removes anything. */
    public void prepare(String partnerId) {
        try {
            createFolders(partnerHome(partnerId).resolve("inbound"));
            createFolders(partnerHome(partnerId).resolve("outbound"));
            createFolders(root.resolve("archive").resolve(partnerId));
            createFolders(root.resolve("error").resolve(partnerId));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create drop-box folders of " + partnerId, e);
        }
    }

    /**
     * One folder, readable by the owner's group and writable by the owner only: whatever the
     * process umask, no drop-box folder is ever writable by other users of the machine.
     */
    static void createFolder(Path folder) throws IOException {
        if (isPosix(folder)) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        } else {
            Files.createDirectory(folder);
        }
    }

    private static void createFolders(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (folder.getParent() != null) {
            createFolders(folder.getParent());
        }
        try {
            createFolder(folder);
        } catch (FileAlreadyExistsException e) {
            // made meanwhile by another session or the registry watcher: as good
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
