package io.interchange.partner;

import java.util.function.Function;

import io.interchange.sftp.DropBoxLayout;

/**
 * The SFTP endpoints of a partner, from its registry entry: the embedded drop box (reached over
 * SFTP on localhost with Interchange's own account, so the intake works the same way for both
 * kinds) or the remote server with the partner's credentials. Credentials go into the URIs as
 * RAW values; Camel masks them in logs and JMX.
 */
public class PartnerEndpoints {

    private final int dropBoxPort;
    private final String serviceUser;
    private final String servicePassword;
    private final Function<String, String> secrets;

    /** @param secrets resolves a property name (e.g. {@code interchange.partner.acme.sftp-password}) to its value */
    public PartnerEndpoints(int dropBoxPort, String serviceUser, String servicePassword, Function<String, String> secrets) {
        this.dropBoxPort = dropBoxPort;
        this.serviceUser = serviceUser;
        this.servicePassword = servicePassword;
        this.secrets = secrets;
    }

    /** The partner's inbound folder as a consumer URI without consumer options. */
    public String inbound(Partner partner) {
        return connection(partner, folders(partner).inbound());
    }

    /** The partner's outbound folder as a producer URI; files appear under their final name only once complete. */
    public String outbound(Partner partner) {
        return connection(partner, folders(partner).outbound()) + "&tempPrefix=.part-";
    }

    /** The error folder as a producer URI, for the reason files beside refused files. */
    public String error(Partner partner) {
        return connection(partner, folders(partner).error());
    }

    public Folders folders(Partner partner) {
        Partner.Transport transport = partner.transport();
        if (transport.kind() == Partner.Transport.Kind.DROPBOX) {
            return new Folders(DropBoxLayout.inbound(partner.id()), DropBoxLayout.outbound(partner.id()),
                    DropBoxLayout.archive(partner.id()), DropBoxLayout.error(partner.id()));
        }
        return new Folders(transport.inbound(), transport.outbound(), transport.archive(), transport.error());
    }

    private String connection(Partner partner, String folder) {
        Partner.Transport transport = partner.transport();
        // a leading slash makes the folder absolute on the server (sftp:host:port//abs/path)
        String path = folder.startsWith("/") ? "/" + folder : folder;
        if (transport.kind() == Partner.Transport.Kind.DROPBOX) {
            // our own server on loopback: its host key is ours, so there is nothing to verify against
            return "sftp:localhost:" + dropBoxPort + "/" + path + "?username=" + serviceUser
                    + "&password=RAW(" + servicePassword + ")&strictHostKeyChecking=no&useUserKnownHostsFile=false"
                    + "&binary=true";
        }
        StringBuilder uri = new StringBuilder("sftp:").append(transport.host()).append(':').append(transport.port())
                .append('/').append(path).append("?username=").append(transport.username())
                .append("&knownHostsFile=").append(transport.knownHostsFile())
                .append("&strictHostKeyChecking=yes&useUserKnownHostsFile=false&binary=true");
        if (transport.privateKeyFile() != null) {
            uri.append("&privateKeyFile=").append(transport.privateKeyFile());
        }
        if (transport.passwordProperty() != null) {
            uri.append("&password=RAW(").append(secrets.apply(transport.passwordProperty())).append(')');
        }
        return uri.toString();
    }

    /** SFTP paths of a partner's four folders. */
    public record Folders(String inbound, String outbound, String archive, String error) {
    }
}
