package io.strata.nfs.vfs;

import io.strata.nfs.status.NfsException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Bridges between the file system's two ways of answering: at once (a value, or an {@link NfsException} thrown)
 * and later (a {@link CompletionStage} that completes with the value or fails with the exception).
 */
public final class Completions {
    private Completions() {
    }

    /** A step that answers at once. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws NfsException;
    }

    /** The call's outcome as a completed stage: its value, or its failure. */
    public static <T> CompletionStage<T> of(Call<T> call) {
        try {
            return CompletableFuture.completedFuture(call.run());
        } catch (NfsException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The call's outcome, run by {@code executor}: for a step that waits, kept out of the thread at hand. */
    public static <T> CompletionStage<T> on(Executor executor, Call<T> call) {
        CompletableFuture<T> done = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                done.complete(call.run());
            } catch (NfsException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Waits for the stage and gives its value, or throws its failure as it was raised. */
    public static <T> T await(CompletionStage<T> stage) throws NfsException {
        try {
            return stage.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the namespace", e);
        } catch (ExecutionException e) {
            Throwable cause = cause(e);
            if (cause instanceof NfsException n) {
                throw n;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The failure itself, out of the wrappers that dependent stages put around it. */
    public static Throwable cause(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
