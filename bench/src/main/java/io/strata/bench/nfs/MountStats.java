package io.strata.bench.nfs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel client's own count of each NFS call and of the time it waited for the answers, from the per-op lines
 * of the guest's {@code /proc/self/mountstats}. The VM rows time whole shell loops, most of which is the emulated
 * guest; the mean round trip of a call is what the server decides, so it says which server a slow row waits on.
 */
final class MountStats {
    /** {@code OPNAME: ops transmissions timeouts bytes_sent bytes_received queue_ms rtt_ms execute_ms [errors]}. */
    private static final Pattern OP_LINE = Pattern.compile("^\\s*([A-Z_0-9]+):((?:\\s+\\d+){8,})\\s*$",
            Pattern.MULTILINE);

    /** Calls of one kind and the sum of their round trips. */
    record Calls(long count, long roundTripMillis) {
    }

    private MountStats() {
    }

    /** Per-op counters in the order the kernel lists them. */
    static Map<String, Calls> parse(String perOpLines) {
        Map<String, Calls> calls = new LinkedHashMap<>();
        Matcher m = OP_LINE.matcher(perOpLines);
        while (m.find()) {
            String[] f = m.group(2).trim().split("\\s+");
            calls.put(m.group(1), new Calls(Long.parseLong(f[0]), Long.parseLong(f[6])));
        }
        return calls;
    }

    /**
     * Mean round trip in milliseconds of each kind of call made between two snapshots, for the kinds made at least
     * {@code minCalls} times (the kernel counts whole milliseconds, so a mean over few calls says little).
     */
    static Map<String, Double> meanRoundTrips(Map<String, Calls> before, Map<String, Calls> after, long minCalls) {
        Map<String, Double> means = new LinkedHashMap<>();
        after.forEach((op, a) -> {
            Calls b = before.getOrDefault(op, new Calls(0, 0));
            long count = a.count() - b.count();
            if (count >= minCalls) {
                means.put(op, (double) (a.roundTripMillis() - b.roundTripMillis()) / count);
            }
        });
        return means;
    }
}
