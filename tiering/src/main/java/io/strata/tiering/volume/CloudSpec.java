package io.strata.tiering.volume;

/**
 * Where a cloud volume keeps its data: any S3 endpoint. {@code prefix} is the key prefix under which Strata
 * writes (empty: the bucket's root). Credentials are kept with the spec in the namespace.
 */
public record CloudSpec(String endpoint, String region, String bucket, String prefix, String accessKey,
                        String secretKey, boolean pathStyle) {
    public CloudSpec {
        prefix = prefix == null ? "" : stripSlashes(prefix);
        region = region == null || region.isBlank() ? "us-east-1" : region;
    }

    private static String stripSlashes(String p) {
        String s = p;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The spec without its secret, for listings. */
    public CloudSpec redacted() {
        return new CloudSpec(endpoint, region, bucket, prefix, accessKey, secretKey == null ? null : "******",
                pathStyle);
    }
}
