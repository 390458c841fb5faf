package io.strata.meta.ns;

import io.strata.meta.error.AttributesTooLargeException;
import io.strata.meta.error.ExistsException;
import io.strata.meta.error.InvalidNameException;
import io.strata.meta.error.NoSuchAttributeException;
import io.strata.meta.error.NotPermittedException;
import io.strata.meta.ignite.Tx;
import io.strata.meta.model.Inode;
import io.strata.meta.model.ObjectAttrs;
import java.util.HashMap;
import java.util.Map;

/**
 * Extended attributes set and removed over NFS, kept as the inode's S3 user metadata (see {@link UserXattrs}), one
 * transaction each. A change is a change of the inode: its ctime and version move, so clients' caches revalidate,
 * and the ETag stays, as the bytes did not change.
 */
public final class FileXattrs {
    /** What a set may find: RFC 8276's SETXATTR4_EITHER, _CREATE and _REPLACE, and Linux's XATTR_CREATE/REPLACE. */
    public enum SetMode { EITHER, CREATE, REPLACE }

    private final FileTree tree;
    private final InodeTable inodes;
    private final NanoClock clock;
    private final Tx tx;

    public FileXattrs(FileTree tree, InodeTable inodes, NanoClock clock, Tx tx) {
        this.tree = tree;
        this.inodes = inodes;
        this.clock = clock;
        this.tx = tx;
    }

    /** @param value the stored form ({@link UserXattrs#encode}) */
    public Inode set(long id, long generation, String name, String value, SetMode mode) {
        requireValidName(name);
        return tx.run(() -> {
            Inode inode = requireHolder(id, generation);
            Map<String, String> meta = metadataOf(inode);
            boolean exists = meta.containsKey(name);
            if (mode == SetMode.CREATE && exists) {
                throw new ExistsException("attribute " + name);
            }
            if (mode == SetMode.REPLACE && !exists) {
                throw new NoSuchAttributeException(name);
            }
            meta.put(name, value);
            if (UserXattrs.totalSize(meta) > UserXattrs.MAX_TOTAL_BYTES) {
                throw new AttributesTooLargeException("a file's attributes take at most " + UserXattrs.MAX_TOTAL_BYTES
                        + " bytes, names included");
            }
            return store(inode, meta);
        });
    }

    public Inode remove(long id, long generation, String name) {
        return tx.run(() -> {
            Inode inode = requireHolder(id, generation);
            Map<String, String> meta = metadataOf(inode);
            if (meta.remove(name) == null) {
                throw new NoSuchAttributeException(name);
            }
            return store(inode, meta);
        });
    }

    private static void requireValidName(String name) {
        String refusal = UserXattrs.refusal(name);
        if (refusal != null) {
            throw new InvalidNameException(refusal);
        }
    }

    /**
     * Files and directories below a bucket's root hold attributes: a bucket root is not an object, so S3 would
     * have nowhere to show them.
     */
    private Inode requireHolder(long id, long generation) {
        Inode inode = tree.require(id, generation);
        boolean bucketRoot = inode.isDirectory() && BucketCatalog.isRootOrBucketRoot(inode);
        if (!(inode.isFile() || inode.isDirectory()) || bucketRoot) {
            throw new NotPermittedException("only files and directories inside a bucket have attributes");
        }
        return inode;
    }

    private static Map<String, String> metadataOf(Inode inode) {
        return inode.object() == null ? new HashMap<>() : new HashMap<>(inode.object().userMetadata());
    }

    /** An implicit directory given an attribute becomes explicit, so that S3 lists it with its metadata. */
    private Inode store(Inode inode, Map<String, String> meta) {
        ObjectAttrs object = inode.object() != null ? inode.object() : FileTree.EMPTY_OBJECT;
        Inode updated = inode.withObject(object.withUserMetadata(meta), inode.version() + 1, clock.now());
        inodes.put(updated);
        return updated;
    }
}
