package io.strata.meta.ns;

import io.strata.meta.ignite.Tx;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;

import javax.cache.Cache;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Small documents the server keeps beside the namespace (volume specs, policy versions), as text under keys such as
 * {@code volume/nas-1}. Kept in the grid, so every node sees the same and a restart finds them.
 */
public final class SettingsTable {
    private final IgniteCache<String, String> cache;
    private final Tx tx;

    public SettingsTable(IgniteCache<String, String> cache, Tx tx) {
        this.cache = cache;
        this.tx = tx;
    }

    public String get(String key) {
        return cache.get(key);
    }

    public void put(String key, String value) {
        cache.put(key, value);
    }

    /** Stores {@code value} under {@code key} unless a value is there already; true if stored. */
    public boolean putIfAbsent(String key, String value) {
        return tx.run(() -> {
            if (cache.get(key) != null) {
                return false;
            }
            cache.put(key, value);
            return true;
        });
    }

    public void remove(String key) {
        cache.remove(key);
    }

    /** Runs {@code body} as one transaction over settings (e.g. "next policy version" and "current"). */
    public <T> T inTransaction(Supplier<T> body) {
        return tx.run(body);
    }

    /** Every entry whose key starts with {@code prefix}, by key. Settings are few, so a scan is fine. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        Tx.beforeQuery(); // a query sees no uncommitted write: see GroupCommit
        try (QueryCursor<Cache.Entry<String, String>> c = cache.query(
                new ScanQuery<String, String>((k, v) -> k.startsWith(prefix)))) {
            c.forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }
}
