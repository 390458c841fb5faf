package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;

/**
 * One aws-chunked size line: {@code hex-size[;chunk-signature=sig][;other=ext]}.
 *
 * @param size      payload bytes that follow
 * @param signature the chunk-signature extension, or null if absent
 */
record ChunkHeader(long size, String signature) {
    private static final String SIGNATURE_EXTENSION = "chunk-signature";

    static ChunkHeader parse(String line) throws S3Exception {
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        long size = parseSize(hex);
        String signature = null;
        if (semicolon >= 0) {
            for (String extension : line.substring(semicolon + 1).split(";")) {
                int eq = extension.indexOf('=');
                String name = (eq < 0 ? extension : extension.substring(0, eq)).trim();
                if (name.equals(SIGNATURE_EXTENSION)) {
                    if (signature != null || eq < 0) {
                        throw malformed("chunk-signature is malformed in chunk header \"" + line + "\".");
                    }
                    signature = extension.substring(eq + 1).trim();
                }
            }
        }
        return new ChunkHeader(size, signature);
    }

    private static long parseSize(String hex) throws S3Exception {
        if (hex.isEmpty()) {
            throw malformed("chunk size is missing.");
        }
        long size = 0;
        for (int i = 0; i < hex.length(); i++) {
            int digit = Hex.digit(hex.charAt(i));
            if (digit < 0) {
                throw malformed("chunk size \"" + hex + "\" is not hexadecimal.");
            }
            if (size > (Long.MAX_VALUE >> 4)) {
                throw malformed("chunk size \"" + hex + "\" is too large.");
            }
            size = (size << 4) | digit;
        }
        return size;
    }

    static S3Exception malformed(String why) {
        return new S3Exception(S3ErrorCode.INVALID_REQUEST, "Malformed aws-chunked body: " + why);
    }
}
