package io.strata.s3.http;

import java.util.List;

/**
 * How the S3 front end listens.
 *
 * @param virtualHostDomains requests to {@code <bucket>.<domain>} address that bucket (virtual-hosted style);
 *                           anything else is path style
 * @param workerThreads      threads for blocking work (metadata transactions, fsync)
 */
public record S3Settings(String bindAddress, int port, List<String> virtualHostDomains, int workerThreads) {
    public S3Settings {
        virtualHostDomains = List.copyOf(virtualHostDomains);
    }
}
