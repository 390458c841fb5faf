package io.strata.s3.ops;

/** The operation a request goes to, and its name in the S3 API reference (GetObject, ListObjectsV2, ...). */
public record Route(String name, Operation operation) {
}
