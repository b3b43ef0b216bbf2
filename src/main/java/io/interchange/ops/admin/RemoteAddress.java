package io.interchange.ops.admin;

import io.vertx.core.net.SocketAddress;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;

/**
 * The address an HTTP request came from, as the platform HTTP server saw the socket. Behind a load
 * balancer that is the balancer's address ({@code X-Forwarded-For} is not trusted: any client can
 * send it).
 */
final class RemoteAddress {

    private RemoteAddress() {
    }

    static String of(Exchange exchange) {
        Object remote = exchange.getMessage().getHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS);
        if (remote instanceof SocketAddress socket) {
            return socket.hostAddress() != null ? socket.hostAddress() : socket.host();
        }
        return remote == null ? null : remote.toString();
    }
}
