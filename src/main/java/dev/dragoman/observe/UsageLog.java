package dev.dragoman.observe;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/** Writes the {@link UsageReport} to the log once an hour, and once more when Dragoman stops. */
public final class UsageLog extends ServiceSupport {

    private static final long HOUR_MINUTES = 60;

    private final CamelContext context;
    private final UsageReport report;
    private ScheduledExecutorService scheduler;

    public UsageLog(CamelContext context, UsageReport report) {
        this.context = context;
        this.report = report;
    }

    @Override
    protected void doStart() {
        scheduler = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "dragoman-usage-log");
        scheduler.scheduleAtFixedRate(report::log, HOUR_MINUTES, HOUR_MINUTES, TimeUnit.MINUTES);
    }

    @Override
    protected void doStop() {
        context.getExecutorServiceManager().shutdown(scheduler);
        report.log();
    }
}
