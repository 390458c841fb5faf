package io.strata.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a step on the host while a kernel-client script runs (a server restart, a change over S3): the script
 * prints a signal line when it is ready (files open, caches filled), a thread then runs the step (which ends by
 * putting a marker object the script waits for), and {@link #finish()} rethrows whatever the step threw.
 */
final class HostStepOnSignal {
    interface Step {
        void run() throws Exception;
    }

    private final CountDownLatch signalled = new CountDownLatch(1);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final String signal;
    private final Thread thread;

    HostStepOnSignal(String signal, Step step) {
        this.signal = signal;
        this.thread = new Thread(() -> {
            try {
                if (signalled.await(600, TimeUnit.SECONDS)) {
                    step.run();
                }
            } catch (Exception e) {
                failure.set(e);
            }
        }, "host-step");
        thread.start();
    }

    /** What the kernel client calls with each line of the script's output. */
    Consumer<String> lines() {
        return line -> {
            if (line.equals(signal)) {
                signalled.countDown();
            }
        };
    }

    /** After the script: waits for the step to end (it runs even if the script never signalled). */
    void finish() throws Exception {
        signalled.countDown();
        thread.join(TimeUnit.MINUTES.toMillis(3));
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
