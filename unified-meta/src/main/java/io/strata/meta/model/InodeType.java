package io.strata.meta.model;

/** What an inode is. The byte codes are persisted: never renumber them. */
public enum InodeType {
    FILE(1), DIRECTORY(2), SYMLINK(3),
    /** Named pipe and socket: names with attributes and no bytes, made over NFS (MKNOD); never S3 objects. */
    FIFO(4), SOCKET(5);

    /** values() copies its array on every call, and every inode and entry read asks for a type. */
    private static final InodeType[] ALL = values();

    private final byte code;

    InodeType(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    public static InodeType ofCode(byte code) {
        for (InodeType t : ALL) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown inode type code " + code);
    }
}
