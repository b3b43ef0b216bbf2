package io.interchange.ops.jmx;

/** {@code io.interchange:type=DeadLetterQueue,name=<queue>}: one dead-letter queue for JConsole, VisualVM and Hawtio. */
public interface DeadLetterQueueMBean {

    String getQueue();

    long getMessageCount();

    /** Up to {@code limit} dead letters: id, document, business key, attempts, last failure, reason. */
    String[] list(int limit);

    /** Replays one dead letter to the queue it failed on; unknown id: IllegalArgumentException. */
    String replay(String id);

    /** Replays every dead letter of this queue. */
    String replayAll();

    /** Replays the dead letters that match every non-empty criterion. */
    String replayMatching(String partner, String channel, String errorClass);

    /** Discards one dead letter for good, with the reason; unknown id: IllegalArgumentException. */
    String discard(String id, String reason);
}
