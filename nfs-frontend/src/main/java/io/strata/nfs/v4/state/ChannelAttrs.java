package io.strata.nfs.v4.state;

/** channel_attrs4 (RFC 8881 18.36): the sizes a session's requests and replies keep to. */
public record ChannelAttrs(int headerPadSize, int maxRequestSize, int maxResponseSize, int maxResponseSizeCached,
                           int maxOperations, int maxRequests) {

    /** What the server grants for what the client asked: never more than asked, never more than it serves. */
    public ChannelAttrs negotiate(ChannelAttrs limit) {
        return new ChannelAttrs(0, Math.min(positive(maxRequestSize), limit.maxRequestSize),
                Math.min(positive(maxResponseSize), limit.maxResponseSize),
                Math.min(positive(maxResponseSizeCached), limit.maxResponseSizeCached),
                Math.min(positive(maxOperations), limit.maxOperations),
                Math.max(1, Math.min(positive(maxRequests), limit.maxRequests)));
    }

    /** The XDR values are unsigned: a "negative" one is huge. */
    private static int positive(int v) {
        return v < 0 ? Integer.MAX_VALUE : v;
    }
}
