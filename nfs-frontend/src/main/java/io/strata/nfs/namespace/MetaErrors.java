package io.strata.nfs.namespace;

import io.strata.meta.error.AttributesTooLargeException;
import io.strata.meta.error.BucketExistsException;
import io.strata.meta.error.BucketNotEmptyException;
import io.strata.meta.error.ContentionException;
import io.strata.meta.error.DirectoryNotEmptyException;
import io.strata.meta.error.ExistsException;
import io.strata.meta.error.GuardMismatchException;
import io.strata.meta.error.InvalidMoveException;
import io.strata.meta.error.InvalidNameException;
import io.strata.meta.error.IsDirectoryException;
import io.strata.meta.error.MetaException;
import io.strata.meta.error.NoSuchAttributeException;
import io.strata.meta.error.NotPermittedException;
import io.strata.meta.error.NoSuchBucketException;
import io.strata.meta.error.NotDirectoryException;
import io.strata.meta.error.NotFoundException;
import io.strata.meta.error.ParentIsFileException;
import io.strata.meta.error.StaleInodeException;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.vfs.XattrException;
import io.strata.tiering.volume.VolumeUnavailableException;
import io.strata.nfs.vfs.Completions;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where namespace and I/O failures become NFS statuses. */
final class MetaErrors {
    private static final Logger LOG = LoggerFactory.getLogger(MetaErrors.class);

    private MetaErrors() {
    }

    @FunctionalInterface
    interface NamespaceCall<T> {
        T run() throws IOException, NfsException;
    }

    static <T> T call(NamespaceCall<T> body) throws NfsException {
        try {
            return body.run();
        } catch (NoSuchAttributeException | AttributesTooLargeException e) {
            throw e; // xattrCall's to translate
        } catch (MetaException e) {
            throw new NfsException(statusOf(e), e.getMessage());
        } catch (UnsupportedOperationException e) {
            throw new NfsException(NfsStatus.NOTSUPP, e.getMessage());
        } catch (VolumeUnavailableException e) {
            // The bytes are safe but out of reach (a cloud endpoint down): the kernel client retries JUKEBOX itself.
            throw new NfsException(NfsStatus.JUKEBOX, e.getMessage());
        } catch (IOException e) {
            // The client sees only EIO; the cause (a volume's disk, a full file system) must reach the operator.
            LOG.warn("NFS request failed with an I/O error: {}", e.toString());
            throw new NfsException(NfsStatus.IO, e.toString());
        }
    }

    /**
     * As {@link #call}, for a change that completes later: what {@code start} throws at once and what its future
     * fails with are translated alike.
     */
    static <T> CompletionStage<T> later(Supplier<CompletableFuture<T>> start) {
        CompletableFuture<T> translated = new CompletableFuture<>();
        CompletableFuture<T> started;
        try {
            started = start.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(translate(e));
        }
        started.whenComplete((value, failure) -> {
            if (failure == null) {
                translated.complete(value);
            } else {
                translated.completeExceptionally(translate(Completions.cause(failure)));
            }
        });
        return translated;
    }

    /** The NFS status exception for a namespace or I/O failure; anything else as it is (a SERVERFAULT). */
    private static Throwable translate(Throwable failure) {
        try {
            if (failure instanceof RuntimeException e) {
                return call(() -> {
                    throw e;
                });
            }
            if (failure instanceof IOException e) {
                return call(() -> {
                    throw e;
                });
            }
            return failure;
        } catch (NfsException translated) {
            return translated;
        } catch (RuntimeException untranslated) {
            return untranslated;
        }
    }

    /** As {@link #call}, for extended attributes: two outcomes of theirs have no NFSv3 status. */
    static void xattrCall(Runnable body) throws NfsException, XattrException {
        try {
            call(() -> {
                body.run();
                return null;
            });
        } catch (NoSuchAttributeException e) {
            throw new XattrException(XattrException.Kind.NO_SUCH_ATTRIBUTE, e.getMessage());
        } catch (AttributesTooLargeException e) {
            throw new XattrException(XattrException.Kind.TOO_LARGE, e.getMessage());
        }
    }

    static NfsStatus statusOf(MetaException e) {
        if (e instanceof StaleInodeException) {
            return NfsStatus.STALE;
        } else if (e instanceof NotFoundException || e instanceof NoSuchBucketException) {
            return NfsStatus.NOENT;
        } else if (e instanceof ExistsException || e instanceof BucketExistsException) {
            return NfsStatus.EXIST;
        } else if (e instanceof NotDirectoryException || e instanceof ParentIsFileException) {
            return NfsStatus.NOTDIR;
        } else if (e instanceof IsDirectoryException) {
            return NfsStatus.ISDIR;
        } else if (e instanceof DirectoryNotEmptyException || e instanceof BucketNotEmptyException) {
            return NfsStatus.NOTEMPTY;
        } else if (e instanceof InvalidNameException || e instanceof InvalidMoveException) {
            return NfsStatus.INVAL;
        } else if (e instanceof GuardMismatchException) {
            return NfsStatus.NOT_SYNC;
        } else if (e instanceof NotPermittedException) {
            return NfsStatus.PERM;
        } else if (e instanceof ContentionException) {
            return NfsStatus.JUKEBOX; // the client retries later, as it would for a busy server
        }
        return NfsStatus.SERVERFAULT;
    }
}
