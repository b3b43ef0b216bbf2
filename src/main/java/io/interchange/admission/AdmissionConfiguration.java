package io.interchange.admission;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

import io.interchange.broker.ConfirmingConnections;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/**
 * The admissions' sends to the bus ({@link DurableSend}): one per queue a single document is admitted
 * to, used by the REST and webhook intake routes, and the threads their routes go on with once the
 * broker confirmed a send.
 */
public class AdmissionConfiguration implements CamelConfiguration {

    @BindToRegistry("ordersBusSend")
    public DurableSend ordersBusSend(ConfirmingConnections confirmingConnections,
                                     @BeanInject("admissionContinuation") ExecutorService admissionContinuation,
                                     @PropertyInject("interchange.queue.orders") String queue,
                                     @PropertyInject("interchange.admission.confirm-timeout-ms") long timeoutMs) {
        return sendTo(queue, confirmingConnections, admissionContinuation, timeoutMs);
    }

    @BindToRegistry("cancellationsBusSend")
    public DurableSend cancellationsBusSend(ConfirmingConnections confirmingConnections,
                                            @BeanInject("admissionContinuation") ExecutorService admissionContinuation,
                                            @PropertyInject("interchange.queue.cancellations") String queue,
                                            @PropertyInject("interchange.admission.confirm-timeout-ms") long timeoutMs) {
        return sendTo(queue, confirmingConnections, admissionContinuation, timeoutMs);
    }

    private static DurableSend sendTo(String queue, ConfirmingConnections connections, ExecutorService continuation,
                                      long timeoutMs) {
        return new DurableSend(connections.factory(), queue, continuation, Duration.ofMillis(timeoutMs));
    }

    /** Shut down with the context; each thread records a row and answers, nothing that waits on the broker. */
    @BindToRegistry("admissionContinuation")
    public ExecutorService admissionContinuation(CamelContext context,
                                                 @PropertyInject("interchange.admission.threads") int threads) {
        return context.getExecutorServiceManager().newFixedThreadPool(this, "admission", threads);
    }
}
