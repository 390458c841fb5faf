package io.strata.s3.ops;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.tiering.checksum.ChecksumAlgorithm;
import io.strata.tiering.checksum.ContentHashes;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The digests a request body must match: Content-MD5 and x-amz-checksum-* from headers, or from trailers named
 * in x-amz-trailer, or an algorithm the SDK asks to be computed. Read before the body, checked after it.
 */
record Digests(Set<ChecksumAlgorithm> compute, Map<ChecksumAlgorithm, String> expected, String contentMd5) {

    static Digests of(S3Request req) throws S3Exception {
        Map<ChecksumAlgorithm, String> expected = new EnumMap<>(ChecksumAlgorithm.class);
        Set<ChecksumAlgorithm> compute = EnumSet.noneOf(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String v = req.header(a.header());
            if (v != null) {
                expected.put(a, v.trim());
                compute.add(a);
            }
        }
        for (String t : req.headers().get("x-amz-trailer", "").split(",")) {
            ChecksumAlgorithm a = ofHeader(t.trim());
            if (a != null) {
                compute.add(a);
            }
        }
        String sdk = req.header("x-amz-sdk-checksum-algorithm");
        if (sdk != null) {
            ChecksumAlgorithm a = ChecksumAlgorithm.parse(sdk);
            if (a == null) {
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "Unknown checksum algorithm " + sdk);
            }
            compute.add(a);
        }
        String md5 = req.header("Content-MD5");
        if (md5 != null && !isBase64Md5(md5.trim())) {
            throw new S3Exception(S3ErrorCode.INVALID_DIGEST);
        }
        return new Digests(compute, expected, md5 == null ? null : md5.trim());
    }

    /** BadDigest unless the body's hashes match every digest the client sent. */
    void verify(ContentHashes.Result got, Map<String, String> trailers) throws S3Exception {
        if (contentMd5 != null && !Base64.getEncoder().encodeToString(got.md5()).equals(contentMd5)) {
            throw new S3Exception(S3ErrorCode.BAD_DIGEST, "The Content-MD5 you specified did not match what we received.");
        }
        Map<ChecksumAlgorithm, String> wanted = new EnumMap<>(expected);
        trailers.forEach((name, value) -> {
            ChecksumAlgorithm a = ofHeader(name);
            if (a != null) {
                wanted.put(a, value.trim());
            }
        });
        for (Map.Entry<ChecksumAlgorithm, String> w : wanted.entrySet()) {
            String sum = got.checksums().get(w.getKey());
            if (sum == null || !sum.equals(w.getValue())) {
                throw new S3Exception(S3ErrorCode.BAD_DIGEST,
                        "The " + w.getKey().name() + " you specified did not match the calculated checksum.");
            }
        }
    }

    private static ChecksumAlgorithm ofHeader(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        return h.startsWith("x-amz-checksum-") ? ChecksumAlgorithm.parse(h.substring("x-amz-checksum-".length())) : null;
    }

    private static boolean isBase64Md5(String s) {
        try {
            return Base64.getDecoder().decode(s).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
