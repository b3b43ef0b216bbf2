package io.interchange.sftp;

import java.util.function.Predicate;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.GenericFileExpressionRenamer;
import org.apache.camel.component.file.strategy.GenericFileRenameProcessStrategy;
import org.apache.camel.support.builder.ExpressionBuilder;

/**
 * Where an intake file goes when the route is done with it:
 * <ul>
 *   <li>processed: moved to the header {@value #ARCHIVE_TARGET};</li>
 *   <li>refused (not EDI, too large, rejected content): moved to the header {@value #ERROR_TARGET}, where
 *       the route has put the reason file beside it;</li>
 *   <li>not processable <em>yet</em> (database or bus unavailable, a file still being written): left in
 *       {@code inbound/} for the next poll, when the exchange property {@value #RETRY_LATER} is true, and
 *       when the exchange failed before the route set {@value #ERROR_TARGET} (cut off mid-flight).</li>
 * </ul>
 * Camel's own move/moveFailed options know only the first two; a transient failure would send a
 * good file to the error folder. Before a file is taken it must stop changing (size and time
 * stable over the check interval, {@link StableSizeReadLock}) so the size the route checks is the
 * settled one, and, on the embedded drop box, no partner session may have it open for writing
 * ({@link UploadsInProgress}), so half-written files stay put however long the client stalls.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public class IntakeFilePlacement extends GenericFileRenameProcessStrategy {

    public static final String ARCHIVE_TARGET = "ediArchiveTarget";
    public static final String ERROR_TARGET = "ediErrorTarget";
    public static final String RETRY_LATER = "ediRetryLater";

    private final Predicate<String> beingWritten;

    /** @param beingWritten whether a file (by name) is still open for writing by the partner */
    public IntakeFilePlacement(long checkIntervalMs, long minAgeMs, long timeoutMs, Predicate<String> beingWritten) {
        this.beingWritten = beingWritten;
        setCommitRenamer(new GenericFileExpressionRenamer(ExpressionBuilder.headerExpression(ARCHIVE_TARGET)));
        setFailureRenamer(new GenericFileExpressionRenamer(ExpressionBuilder.headerExpression(ERROR_TARGET)));
        setExclusiveReadLockStrategy(new StableSizeReadLock(checkIntervalMs, minAgeMs, timeoutMs));
    }

    @Override
    public boolean begin(GenericFileOperations operations, GenericFileEndpoint endpoint, Exchange exchange, GenericFile file)
            throws Exception {
        if (beingWritten.test(file.getFileNameOnly())) {
            return false;
        }
        return super.begin(operations, endpoint, exchange, file);
    }

    @Override
    public void rollback(GenericFileOperations operations, GenericFileEndpoint endpoint, Exchange exchange, GenericFile file)
            throws Exception {
        // No error target: the exchange was cut off before the route looked at the file (a route stopped or
        // suspended with the file in flight, a failover). Nothing has judged the file, so it stays for the next poll.
        if (exchange.getProperty(RETRY_LATER, false, Boolean.class)
                || exchange.getMessage().getHeader(ERROR_TARGET) == null) {
            try {
                operations.releaseRetrievedFileResources(exchange);
            } finally {
                exclusiveReadLockStrategy.releaseExclusiveReadLockOnRollback(operations, file, exchange);
                deleteLocalWorkFile(exchange);
            }
            return;
        }
        super.rollback(operations, endpoint, exchange, file);
    }
}
