package io.strata.s3.signature;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Receives decoded payload bytes; the buffer is only valid during the call. */
@FunctionalInterface
public interface PayloadSink {
    void accept(ByteBuffer decoded) throws IOException;
}
