package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The lines after the final zero-length chunk, up to the blank line that closes the body: trailing headers
 * ({@code name:value}) and, for the signed-trailer mode, {@code x-amz-trailer-signature} last.
 */
final class TrailerSection {
    static final String SIGNATURE_NAME = "x-amz-trailer-signature";

    private final PayloadMode mode;
    private final Set<String> declared;
    private final Map<String, String> trailers = new LinkedHashMap<>();
    private String signature;
    private boolean skippedLeadingBlank;

    TrailerSection(PayloadMode mode, Set<String> declared) {
        this.mode = mode;
        this.declared = declared;
    }

    /**
     * Takes one line of the section.
     *
     * @return true if the line closed the section
     */
    boolean accept(String line) throws S3Exception {
        if (line.isEmpty()) {
            // Some writers (AWS's own trailer example among them) put the empty line that ends the zero-length
            // chunk's data before the trailers; when trailers are still owed, that blank line cannot be the end.
            if (trailers.isEmpty() && signature == null && !declared.isEmpty() && !skippedLeadingBlank) {
                skippedLeadingBlank = true;
                return false;
            }
            return true;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw malformed("trailer line \"" + line + "\" is not name:value.");
        }
        String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).trim();
        if (signature != null) {
            throw malformed("x-amz-trailer-signature must be the last trailer.");
        }
        if (name.equals(SIGNATURE_NAME) && mode == PayloadMode.STREAMING_SIGNED_TRAILER) {
            signature = value;
        } else if (!declared.contains(name)) {
            throw malformed("trailer \"" + name + "\" was not declared in x-amz-trailer.");
        } else if (trailers.putIfAbsent(name, value) != null) {
            throw malformed("trailer \"" + name + "\" appears more than once.");
        }
        return false;
    }

    /** True once every declared trailer (and the signature, if one is due) has been seen. */
    boolean isComplete() {
        return trailers.keySet().containsAll(declared)
                && (mode != PayloadMode.STREAMING_SIGNED_TRAILER || declared.isEmpty() || signature != null);
    }

    /** Checks the closed section and returns the trailers (lower-case name to value). */
    Map<String, String> verify(ChunkSigner signer, String previousSignature) throws S3Exception {
        for (String name : declared) {
            if (!trailers.containsKey(name)) {
                throw malformed("trailer \"" + name + "\" was declared in x-amz-trailer but not sent.");
            }
        }
        if (mode == PayloadMode.STREAMING_SIGNED_TRAILER && (signature != null || !trailers.isEmpty())) {
            if (signature == null) {
                throw malformed("the trailer has no x-amz-trailer-signature.");
            }
            String expected = signer.trailerSignature(previousSignature, canonicalSha256());
            if (!SigV4Crypto.sameSignature(expected, signature)) {
                throw new S3Exception(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                        "The trailer signature we calculated does not match the x-amz-trailer-signature you provided.");
            }
        }
        return Collections.unmodifiableMap(trailers);
    }

    /** Trailers sorted by name as {@code name:value\n}, the form the SDKs hash (LF, unlike the CRLF on the wire). */
    private byte[] canonicalSha256() {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(trailers).forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        MessageDigest digest = SigV4Crypto.newSha256();
        return digest.digest(canonical.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static S3Exception malformed(String why) {
        return new S3Exception(S3ErrorCode.INVALID_REQUEST, "Malformed aws-chunked trailer: " + why);
    }
}
