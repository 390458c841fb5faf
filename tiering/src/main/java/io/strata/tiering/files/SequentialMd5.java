package io.strata.tiering.files;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MD5 of a file written from offset 0 onwards, so an NFS-written file gets a real MD5 ETag when that costs
 * nothing extra. Bytes must arrive in order; a write below what is already hashed spoils it for good.
 *
 * <p>Large writes are hashed on the store's hashing threads, in order, while the writing thread goes on to write the
 * bytes and sync them: MD5 of 1 MiB takes about as long as the write and the fsync together, and a client sending one
 * FILE_SYNC write at a time waits for both. {@link #md5IfCovers} waits for the hashing to catch up. Callers hold the
 * open file's monitor; the hashing threads touch only the digest, and only through {@link #pending}.
 */
final class SequentialMd5 {
    /** Smaller writes are hashed in the caller's thread: a hand-off costs more than hashing them. */
    static final int HAND_OFF_FROM = 64 * 1024;
    /** Past this many bytes waiting to be hashed, a write waits: the waiting writes' buffers stay in memory. */
    static final long MAX_WAITING = 16L << 20;
    private static final CompletableFuture<Void> NOTHING = CompletableFuture.completedFuture(null);

    private final Executor hashers;
    private final AtomicLong waiting = new AtomicLong();
    private MessageDigest md5 = newDigest();
    /** The last hashing queued; it completes after all queued before it (each one runs after the previous). */
    private CompletableFuture<Void> pending = NOTHING;
    private long hashedUpTo;
    private boolean spoiled;

    SequentialMd5(Executor hashers) {
        this.hashers = hashers;
    }

    long hashedUpTo() {
        return spoiled ? -1 : hashedUpTo;
    }

    boolean usable() {
        return !spoiled;
    }

    /**
     * Hashes the bytes if they continue the hashed prefix; a write inside the prefix spoils it. The bytes may be
     * read after this returns: the caller must not change them.
     */
    void offer(long offset, ByteBuffer data) {
        if (spoiled) {
            return;
        }
        if (offset < hashedUpTo) {
            spoiled = true;
        } else if (offset == hashedUpTo) {
            int n = data.remaining();
            hashedUpTo += n;
            MessageDigest digest = md5;
            if (n < HAND_OFF_FROM && pending.isDone()) {
                digest.update(data);
                return;
            }
            if (waiting.get() > MAX_WAITING) {
                pending.join();
            }
            waiting.addAndGet(n);
            pending = pending.thenRunAsync(() -> {
                digest.update(data);
                waiting.addAndGet(-n);
            }, hashers);
        }
    }

    void spoil() {
        spoiled = true;
    }

    /** Starts over for an empty file (a truncation to 0); hashing still queued finishes on the old digest. */
    void reset() {
        md5 = newDigest();
        pending = NOTHING;
        hashedUpTo = 0;
        spoiled = false;
    }

    /** The hex MD5 if the hashed prefix is exactly the file's {@code size} bytes, else null. */
    String md5IfCovers(long size) {
        if (spoiled || hashedUpTo != size) {
            return null;
        }
        pending.join();
        try {
            return HexFormat.of().formatHex(((MessageDigest) md5.clone()).digest());
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
