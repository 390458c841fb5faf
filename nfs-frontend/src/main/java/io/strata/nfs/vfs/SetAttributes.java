package io.strata.nfs.vfs;

/**
 * What SETATTR (or CREATE/MKDIR/SYMLINK initial attributes) asks to change; a null field is left as it is.
 * Times: {@link #SERVER_TIME} asks for the server's current time.
 */
public record SetAttributes(Integer mode, Integer uid, Integer gid, Long size, Long atimeNanos, Long mtimeNanos) {
    public static final long SERVER_TIME = Long.MIN_VALUE;
    public static final SetAttributes NONE = new SetAttributes(null, null, null, null, null, null);

    public boolean isEmpty() {
        return mode == null && uid == null && gid == null && size == null && atimeNanos == null && mtimeNanos == null;
    }
}
