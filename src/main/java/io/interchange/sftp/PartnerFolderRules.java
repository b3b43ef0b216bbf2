package io.interchange.sftp;

import java.util.List;
import java.util.Optional;

/**
 * What a partner may do in its own drop-box folder (paths as its SFTP session sees them, split into
 * names: {@code /inbound/po.edi} is {@code [inbound, po.edi]}):
 * <ul>
 *   <li>{@code inbound/}: put files, rename them (a client's upload under a temporary name), remove
 *       them again before the intake takes them;</li>
 *   <li>{@code outbound/}: download and delete what Interchange put there (picking up an
 *       acknowledgement), nothing else: no upload, overwrite or rename;</li>
 *   <li>the two folders themselves cannot be renamed or removed, no other folder can be made (the
 *       intake polls {@code inbound/} only, a file in a subfolder would wait forever), and no link
 *       of any kind (a link could point the intake or the partner outside its folder).</li>
 * </ul>
 * Each method answers the refusal the partner's client shows, or empty when the operation may go on.
 */
public final class PartnerFolderRules {

    static final String INBOUND = "inbound";
    static final String OUTBOUND = "outbound";
    static final String FIXED_FOLDERS = "inbound/ and outbound/ cannot be renamed or removed";
    static final String OUTBOUND_READ_ONLY = "outbound/ is read-only: download (and delete) acknowledgements there, put files into inbound/";
    static final String INBOUND_ONLY = "files can be put only directly into inbound/";
    static final String NO_FOLDERS = "no folders can be made or removed: the drop box has inbound/ and outbound/ only";
    static final String NO_LINKS = "links are not allowed in the drop box";
    static final String NO_OWNERSHIP = "owner, group and access lists of drop-box files cannot be changed";

    private PartnerFolderRules() {
    }

    /** Opening a file for writing: creating, overwriting, appending or truncating it. */
    public static Optional<String> write(List<String> names) {
        if (isFileIn(INBOUND, names)) {
            return Optional.empty();
        }
        return Optional.of(isIn(OUTBOUND, names) ? OUTBOUND_READ_ONLY : INBOUND_ONLY);
    }

    public static Optional<String> rename(List<String> from, List<String> to) {
        if (isFixedFolder(from)) {
            return Optional.of(FIXED_FOLDERS);
        }
        if (isFileIn(INBOUND, from) && isFileIn(INBOUND, to)) {
            return Optional.empty();
        }
        return Optional.of(isIn(OUTBOUND, from) || isIn(OUTBOUND, to) ? OUTBOUND_READ_ONLY
                : "files can be renamed only within inbound/");
    }

    public static Optional<String> remove(List<String> names, boolean directory) {
        if (isFixedFolder(names)) {
            return Optional.of(FIXED_FOLDERS);
        }
        if (directory) {
            return Optional.of(NO_FOLDERS);
        }
        if (isFileIn(INBOUND, names) || isFileIn(OUTBOUND, names)) {
            return Optional.empty();
        }
        return Optional.of("only files in inbound/ and outbound/ can be removed");
    }

    public static Optional<String> makeDirectory(List<String> names) {
        return Optional.of(NO_FOLDERS);
    }

    public static Optional<String> link() {
        return Optional.of(NO_LINKS);
    }

    private static boolean isFixedFolder(List<String> names) {
        return names.isEmpty() || names.size() == 1 && (INBOUND.equals(names.get(0)) || OUTBOUND.equals(names.get(0)));
    }

    private static boolean isIn(String folder, List<String> names) {
        return !names.isEmpty() && folder.equals(names.get(0));
    }

    private static boolean isFileIn(String folder, List<String> names) {
        return names.size() == 2 && folder.equals(names.get(0));
    }
}
