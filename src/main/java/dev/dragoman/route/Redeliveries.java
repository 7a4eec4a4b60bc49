package dev.dragoman.route;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Where the texts' waits run: the executor of the two error handlers that wait ({@code dispatch-rounds} with
 * {@link InstanceWaitPolicy}, {@code provider-<name>-call} with {@link ProviderRetryPolicy}), whose redeliveries are
 * asynchronous ({@code asyncDelayedRedelivery}): Camel hands each wait here with its delay and the thread that failed
 * goes back to its pool (an HTTP worker), so a waiting text holds no thread. One timer thread keeps every wait; when
 * one is over, the redelivery (the next call, and the rest of the text's route after it) runs on a worker of
 * {@code dragoman-redelivery}, a pool that grows with the texts being redelivered at the same moment and lets its
 * idle threads go after a minute. The texts in flight, and so those workers, are bounded by the sources' shares
 * ({@code dragoman.<source>.max-in-flight}).
 * <p>
 * Camel's default executor for this (the context's {@code ErrorHandlerRedeliveryTask} pool, ten threads) runs the
 * redeliveries on its own timer threads: after an outage the texts that waited would go out ten at a time, each
 * holding a timer thread for its provider call (up to the instance's {@code timeout}), and every wait due meanwhile,
 * of any text, would be late by as much.
 */
public final class Redeliveries extends ScheduledThreadPoolExecutor {

    private final ExecutorService workers;

    private Redeliveries(ExecutorServiceManager threads, ExecutorService workers) {
        super(1, task -> threads.newThread("dragoman-redelivery-timer", task));
        this.workers = workers;
        // a wait not yet over when Camel stops is dropped, as Camel's own timer would drop it
        setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Made for the context, and shut down when it stops, after its routes. */
    public static Redeliveries of(CamelContext context) throws Exception {
        ExecutorServiceManager threads = context.getExecutorServiceManager();
        Redeliveries redeliveries = new Redeliveries(threads, threads.newCachedThreadPool(Redeliveries.class,
                "dragoman-redelivery"));
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                threads.shutdownNow(redeliveries);
            }
        });
        return redeliveries;
    }

    /** The redelivery goes to a worker once its delay is over: the timer thread only ever waits. */
    @Override
    public ScheduledFuture<?> schedule(Runnable redelivery, long delay, TimeUnit unit) {
        return super.schedule(() -> workers.execute(redelivery), delay, unit);
    }
}
