package io.interchange.sftp;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * Every file operation of a drop-box session passes here (MINA SSHD's accessor of the SFTP
 * subsystem). For a partner's session it applies {@link PartnerFolderRules} and, to each upload,
 * the {@link UploadLimits}. For every session: no links, and nothing becomes writable by group or
 * others (folders 0750, files at most 0640) whatever permissions a client asks for. Interchange's
 * own account (the intake, which moves files out of {@code inbound/} and writes acknowledgements)
 * is bound by the folder rules of no partner.
 */
public class DropBoxFileAccess implements SftpFileSystemAccessor {

    private static final Set<PosixFilePermission> NEVER = EnumSet.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final DropBoxLayout layout;
    private final String serviceUser;
    private final UploadLimits limits;

    public DropBoxFileAccess(DropBoxLayout layout, String serviceUser, UploadLimits limits) {
        this.layout = layout;
        this.serviceUser = serviceUser;
        this.limits = limits;
    }

    @Override
    public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file, String handle,
            Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        FileAttribute<?>[] allowed = Arrays.stream(attrs).map(DropBoxFileAccess::clamped).toArray(FileAttribute<?>[]::new);
        if (!isPartner(subsystem) || !(options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND))) {
            return SftpFileSystemAccessor.super.openFile(subsystem, fileHandle, file, handle, options, allowed);
        }
        refuseIf(PartnerFolderRules.write(names(file)));
        Optional<DropBoxRefusal> full = limits.open(freeBytes());
        if (full.isPresent()) {
            throw full.get();
        }
        SeekableByteChannel channel = SftpFileSystemAccessor.super.openFile(subsystem, fileHandle, file, handle, options, allowed);
        return new LimitedUploadChannel(channel, file, limits, new LimitedUploadChannel.Room() {
            @Override
            public long otherInboundBytes() throws IOException {
                return bytesBeside(file);
            }

            @Override
            public long freeBytes() throws IOException {
                return DropBoxFileAccess.this.freeBytes();
            }
        });
    }

    @Override
    public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
        if (isPartner(subsystem)) {
            refuseIf(PartnerFolderRules.makeDirectory(names(path)));
        }
        DropBoxLayout.createFolder(path);
    }

    @Override
    public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink) throws IOException {
        refuseIf(PartnerFolderRules.link());
    }

    @Override
    public void renameFile(SftpSubsystemProxy subsystem, Path oldPath, Path newPath, Collection<CopyOption> opts)
            throws IOException {
        if (isPartner(subsystem)) {
            refuseIf(PartnerFolderRules.rename(names(oldPath), names(newPath)));
        }
        SftpFileSystemAccessor.super.renameFile(subsystem, oldPath, newPath, opts);
    }

    /** The copy-file extension would make a file without an upload, around the limits: partners have none. */
    @Override
    public void copyFile(SftpSubsystemProxy subsystem, Path src, Path dst, Collection<CopyOption> opts) throws IOException {
        if (isPartner(subsystem)) {
            throw DropBoxRefusal.denied("server-side copies are not offered; upload the file into inbound/");
        }
        SftpFileSystemAccessor.super.copyFile(subsystem, src, dst, opts);
    }

    @Override
    public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory) throws IOException {
        if (isPartner(subsystem)) {
            refuseIf(PartnerFolderRules.remove(names(path), isDirectory));
        }
        SftpFileSystemAccessor.super.removeFile(subsystem, path, isDirectory);
    }

    @Override
    public void setFilePermissions(SftpSubsystemProxy subsystem, Path file, Set<PosixFilePermission> perms,
            LinkOption... options) throws IOException {
        SftpFileSystemAccessor.super.setFilePermissions(subsystem, file, clamped(perms), options);
    }

    @Override
    public void setFileOwner(SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options)
            throws IOException {
        if (isPartner(subsystem)) {
            throw DropBoxRefusal.denied(PartnerFolderRules.NO_OWNERSHIP);
        }
        SftpFileSystemAccessor.super.setFileOwner(subsystem, file, value, options);
    }

    @Override
    public void setGroupOwner(SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options)
            throws IOException {
        if (isPartner(subsystem)) {
            throw DropBoxRefusal.denied(PartnerFolderRules.NO_OWNERSHIP);
        }
        SftpFileSystemAccessor.super.setGroupOwner(subsystem, file, value, options);
    }

    @Override
    public void setFileAccessControl(SftpSubsystemProxy subsystem, Path file, List<AclEntry> acl, LinkOption... options)
            throws IOException {
        throw DropBoxRefusal.denied(PartnerFolderRules.NO_OWNERSHIP);
    }

    private boolean isPartner(SftpSubsystemProxy subsystem) {
        return !serviceUser.equals(subsystem.getServerSession().getUsername());
    }

    private long freeBytes() throws IOException {
        return Files.getFileStore(layout.root()).getUsableSpace();
    }

    private static long bytesBeside(Path file) throws IOException {
        Path folder = file.toAbsolutePath().normalize().getParent();
        long total = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path other : (Iterable<Path>) files::iterator) {
                if (!other.getFileName().equals(file.getFileName()) && Files.isRegularFile(other, LinkOption.NOFOLLOW_LINKS)) {
                    total += Files.size(other);
                }
            }
        }
        return total;
    }

    /** The names of a path as the session sees it: {@code /inbound/po.edi} is {@code [inbound, po.edi]}. */
    static List<String> names(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        List<String> names = new ArrayList<>();
        for (Path name : normal) {
            names.add(name.toString());
        }
        return names;
    }

    private static void refuseIf(Optional<String> refusal) throws DropBoxRefusal {
        if (refusal.isPresent()) {
            throw DropBoxRefusal.denied(refusal.get());
        }
    }

    static Set<PosixFilePermission> clamped(Set<PosixFilePermission> perms) {
        Set<PosixFilePermission> allowed = EnumSet.noneOf(PosixFilePermission.class);
        allowed.addAll(perms);
        allowed.removeAll(NEVER);
        return allowed;
    }

    @SuppressWarnings("unchecked")
    private static FileAttribute<?> clamped(FileAttribute<?> attribute) {
        if (!"posix:permissions".equals(attribute.name()) && !"unix:permissions".equals(attribute.name())) {
            return attribute;
        }
        return PosixFilePermissions.asFileAttribute(clamped((Set<PosixFilePermission>) attribute.value()));
    }
}
