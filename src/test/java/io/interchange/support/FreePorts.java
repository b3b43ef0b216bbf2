package io.interchange.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port nobody listens on right now, for servers a test starts. Ports come from below the
 * kernel's ephemeral range (32768 and up on Linux), so the outgoing connections the tests open
 * (Kafka, JDBC, HTTP clients) cannot take a port between the check and the server's bind, and
 * none is handed out twice in one JVM. Parallel test JVMs (failsafe's forks, numbered by
 * {@code interchange.test.fork}) each take their ports from a slice of their own: two forks cannot
 * both find a port free between one's check and its bind.
 */
public final class FreePorts {

    private static final int RANGE_LOWEST = 20_000;
    private static final int RANGE_HIGHEST = 32_000;
    private static final int SLICES = 4;
    private static final int SLICE = (RANGE_HIGHEST - RANGE_LOWEST) / SLICES;
    private static final int LOWEST = RANGE_LOWEST + sliceOf(Integer.getInteger("interchange.test.fork", 1)) * SLICE;
    private static final int HIGHEST = LOWEST + SLICE;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + HIGHEST);
    }

    /** Forks are numbered from 1; more forks than slices share slices, still checked port by port. */
    private static int sliceOf(int fork) {
        return Math.floorMod(fork - 1, SLICES);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
