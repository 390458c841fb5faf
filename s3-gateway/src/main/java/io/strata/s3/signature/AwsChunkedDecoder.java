package io.strata.s3.signature;

import io.netty.buffer.ByteBuf;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Incremental decoder of an aws-chunked request body. Payload bytes are passed on as they arrive and only
 * hashed, never held, so a chunk's signature is known to be good only after its last byte: until
 * {@link #finish()} returns, whatever reached the sink must be treated as unverified.
 */
public final class AwsChunkedDecoder {
    static final int MAX_HEADER_LINE = 4 * 1024;
    static final int MAX_TRAILER_SECTION = 16 * 1024;

    private enum State { CHUNK_HEADER, CHUNK_DATA, DATA_CR, DATA_LF, TRAILER, DONE }

    private final PayloadMode mode;
    private final ChunkSigner signer;
    private final long decodedContentLength;
    private final TrailerSection trailerSection;
    private final LineReader lines = new LineReader(MAX_TRAILER_SECTION);

    private State state = State.CHUNK_HEADER;
    private String previousSignature;
    private String pendingSignature;
    private MessageDigest chunkDigest;
    private long remaining;
    private long decoded;
    private int trailerBytes;
    private Map<String, String> trailers;

    /**
     * @param auth                 the verified request; its payload mode must be a streaming one
     * @param decodedContentLength x-amz-decoded-content-length, or -1 if the client sent none
     * @param declaredTrailers     lower-case names from x-amz-trailer, may be empty
     */
    public AwsChunkedDecoder(Authentication auth, long decodedContentLength, Set<String> declaredTrailers) {
        this.mode = auth.payloadMode();
        if (!mode.isStreaming()) {
            throw new IllegalArgumentException("not an aws-chunked payload mode: " + mode);
        }
        this.signer = mode.hasChunkSignatures() ? Objects.requireNonNull(auth.chunkSigner(), "chunkSigner") : null;
        this.previousSignature = signer == null ? null : signer.seedSignature();
        this.decodedContentLength = decodedContentLength;
        this.trailerSection = new TrailerSection(mode, mode.hasTrailer() ? Set.copyOf(declaredTrailers) : Set.of());
    }

    /**
     * Consumes all readable bytes of {@code in} (which may split the framing anywhere, even one byte at a time);
     * hands decoded payload bytes to the sink in order, synchronously (the sink must not retain the buffer).
     * An IOException from the sink is rethrown as {@link UncheckedIOException}: it is not the client's fault.
     */
    public void feed(ByteBuf in, PayloadSink sink) throws S3Exception {
        while (in.isReadable()) {
            switch (state) {
                case CHUNK_HEADER -> {
                    String line = lines.take(in, MAX_HEADER_LINE, "a chunk header line");
                    if (line != null) {
                        startChunk(ChunkHeader.parse(line));
                    }
                }
                case CHUNK_DATA -> passData(in, sink);
                case DATA_CR -> expect(in, '\r', State.DATA_LF);
                case DATA_LF -> expect(in, '\n', State.CHUNK_HEADER);
                case TRAILER -> readTrailerLine(in);
                case DONE -> throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                        "Malformed aws-chunked body: data follows the end of the body.");
            }
        }
    }

    /**
     * End of the request body: verifies the final zero-length chunk, trailer framing and trailer signature were
     * seen and that the decoded length matches; returns trailer headers (lower-case name to value).
     */
    public Map<String, String> finish() throws S3Exception {
        // The closing blank line carries no information once everything owed has arrived (and, if signed,
        // been signed), so a writer that omits it is tolerated; anything less is a truncated body.
        if (state == State.TRAILER && !lines.hasPartialLine() && trailerSection.isComplete()) {
            closeTrailer();
        }
        if (state != State.DONE) {
            throw new S3Exception(S3ErrorCode.INCOMPLETE_BODY, state == State.TRAILER
                    ? "The aws-chunked body ended inside its trailer."
                    : "The aws-chunked body ended before its final zero-length chunk.");
        }
        if (decodedContentLength >= 0 && decoded != decodedContentLength) {
            throw lengthMismatch();
        }
        return trailers;
    }

    private void startChunk(ChunkHeader header) throws S3Exception {
        if (signer != null && header.signature() == null) {
            throw ChunkHeader.malformed("chunk header has no chunk-signature.");
        }
        if (decodedContentLength >= 0 && header.size() > decodedContentLength - decoded) {
            throw lengthMismatch();
        }
        pendingSignature = header.signature();
        remaining = header.size();
        decoded += header.size();
        chunkDigest = signer == null ? null : SigV4Crypto.newSha256();
        if (header.size() == 0) {
            verifyChunkSignature();
            state = State.TRAILER;
        } else {
            state = State.CHUNK_DATA;
        }
    }

    private void passData(ByteBuf in, PayloadSink sink) throws S3Exception {
        int n = (int) Math.min(remaining, in.readableBytes());
        for (ByteBuffer piece : in.nioBuffers(in.readerIndex(), n)) {
            if (chunkDigest != null) {
                chunkDigest.update(piece.duplicate());
            }
            try {
                sink.accept(piece);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        in.skipBytes(n);
        remaining -= n;
        if (remaining == 0) {
            verifyChunkSignature();
            state = State.DATA_CR;
        }
    }

    private void verifyChunkSignature() throws S3Exception {
        if (signer == null) {
            return;
        }
        String expected = signer.chunkSignature(previousSignature, chunkDigest.digest());
        if (!SigV4Crypto.sameSignature(expected, pendingSignature)) {
            throw new S3Exception(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                    "The chunk signature we calculated does not match the chunk-signature you provided.");
        }
        previousSignature = expected;
    }

    private void expect(ByteBuf in, char c, State next) throws S3Exception {
        if (in.readByte() != c) {
            throw ChunkHeader.malformed("chunk data is not followed by CRLF; the chunk size does not match its data.");
        }
        state = next;
    }

    private void readTrailerLine(ByteBuf in) throws S3Exception {
        String line = lines.take(in, MAX_TRAILER_SECTION - trailerBytes, "the trailer section");
        if (line == null) {
            return;
        }
        trailerBytes += line.length() + 2;
        if (trailerSection.accept(line)) {
            closeTrailer();
        }
    }

    private void closeTrailer() throws S3Exception {
        trailers = trailerSection.verify(signer, previousSignature);
        state = State.DONE;
    }

    private S3Exception lengthMismatch() {
        return new S3Exception(S3ErrorCode.INCOMPLETE_BODY,
                "The decoded aws-chunked body length does not match x-amz-decoded-content-length.",
                Map.of("DecodedContentLength", Long.toString(decodedContentLength)));
    }
}
