package org.vigie.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * A background task run again and again on a daemon thread of its own, a fixed delay after each run ends
 * (the scheduler's resolution is a second). A run that fails, because the database is away, loses
 * nothing the next one cannot do: it is one warning when the runs start failing and one line when they
 * work again, not a stack trace a run.
 */
public final class Repeating {

    private final ScheduledExecutorService thread;
    private final Runnable task;
    private final Logger log;
    private final String whileFailing;
    private final String onceRecovered;
    private volatile boolean failing;

    private Repeating(String threadName, Runnable task, Logger log, String whileFailing, String onceRecovered) {
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, threadName);
            named.setDaemon(true);
            return named;
        });
        this.task = task;
        this.log = log;
        this.whileFailing = whileFailing;
        this.onceRecovered = onceRecovered;
    }

    /**
     * Runs {@code task} every {@code every} from now on. {@code whileFailing} is logged with the cause's
     * message when runs start failing, {@code onceRecovered} when one works again.
     */
    public static Repeating start(String threadName, Duration every, Runnable task, Logger log, String whileFailing,
            String onceRecovered) {
        Repeating repeating = new Repeating(threadName, task, log, whileFailing, onceRecovered);
        repeating.thread.scheduleWithFixedDelay(repeating::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return repeating;
    }

    public void stop() {
        thread.shutdownNow();
    }

    private void runOnce() {
        try {
            task.run();
            if (failing) {
                failing = false;
                log.info(onceRecovered);
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                log.warnf("%s: %s", whileFailing, cause.getMessage());
            }
        }
    }
}
