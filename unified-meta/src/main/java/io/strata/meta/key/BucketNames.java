package io.strata.meta.key;

import io.strata.meta.error.InvalidNameException;

/** The S3 bucket naming rules (general purpose buckets): they also make every bucket a valid directory name. */
public final class BucketNames {
    private BucketNames() {
    }

    public static void check(String name) {
        if (name == null || name.length() < 3 || name.length() > 63) {
            throw new InvalidNameException("bucket names are 3 to 63 characters long");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
            if (!ok) {
                throw new InvalidNameException("bucket names hold only lower-case letters, digits, '-' and '.'");
            }
        }
        if (!isAlnum(name.charAt(0)) || !isAlnum(name.charAt(name.length() - 1))) {
            throw new InvalidNameException("bucket names begin and end with a letter or digit");
        }
        if (name.contains("..") || name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
            throw new InvalidNameException("bucket names have no '..' and are not IP addresses");
        }
        if (name.startsWith("xn--") || name.startsWith("sthree-") || name.endsWith("-s3alias") || name.endsWith("--ol-s3")) {
            throw new InvalidNameException("bucket name uses a reserved prefix or suffix");
        }
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
