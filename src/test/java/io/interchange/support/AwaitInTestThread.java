package io.interchange.support;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every Awaitility condition is evaluated in the test's own thread (registered for all test classes
 * through {@code junit-platform.properties}). Conditions read SFTP folders through JSch, whose channel
 * pipes remember the thread that last read them: a condition polled on one of Awaitility's short-lived
 * threads leaves the channel to a dead reader, and the next answer the server sends on it breaks the
 * channel ("Pipe closed") under the test's next SFTP call.
 */
public class AwaitInTestThread implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.pollInSameThread();
    }
}
