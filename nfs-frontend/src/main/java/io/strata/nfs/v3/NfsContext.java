package io.strata.nfs.v3;

import io.strata.nfs.handle.FileHandles;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.vfs.Caller;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.vfs.VirtualFileSystem;

/** What a procedure works with: the file system, the handle codec, and the caller of this request. */
public record NfsContext(VirtualFileSystem fs, FileHandles handles, Caller caller) {

    public FileId file(byte[] handle) throws NfsException {
        return handles.decode(handle);
    }

    /** Attributes for a reply's optional fields: null when they cannot be had (bad handle, file gone). */
    public Stat statOrNull(byte[] handle) {
        try {
            return fs.getattr(handles.decode(handle));
        } catch (NfsException e) {
            return null;
        }
    }

    public Stat statOrNull(FileId id) {
        try {
            return fs.getattr(id);
        } catch (NfsException e) {
            return null;
        }
    }
}
