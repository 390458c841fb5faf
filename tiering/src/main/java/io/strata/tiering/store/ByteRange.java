package io.strata.tiering.store;

/** Bytes {@code [first, last]} of an object, both inclusive as in HTTP ranges. */
public record ByteRange(long first, long last) {
    public long length() {
        return last - first + 1;
    }
}
