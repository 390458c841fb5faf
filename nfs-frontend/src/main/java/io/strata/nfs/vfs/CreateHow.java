package io.strata.nfs.vfs;

/**
 * CREATE's modes (RFC 1813 3.3.8). UNCHECKED opens an existing regular file (applying {@code size} from the
 * attributes, e.g. truncation); GUARDED fails with EXIST if the name exists; EXCLUSIVE stores {@code verifier} so a
 * retransmitted CREATE with the same verifier succeeds and one with another verifier fails with EXIST.
 */
public record CreateHow(Mode mode, SetAttributes attributes, long verifier) {
    public enum Mode { UNCHECKED, GUARDED, EXCLUSIVE }
}
