package io.strata.tiering.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A policy ready to evaluate: globs compiled once. Evaluating a file is a walk down the rules until one matches;
 * the reason names every condition that held, with the file's values, so an admin sees why.
 */
public final class CompiledPolicy {
    private final int version;
    private final List<Rule> rules;
    private final List<Glob[]> globs = new ArrayList<>();

    public CompiledPolicy(int version, List<Rule> rules) {
        this.version = version;
        this.rules = List.copyOf(rules);
        for (int i = 0; i < rules.size(); i++) {
            Match m = rules.get(i).match();
            String at = "rules[" + i + "].match.";
            globs.add(new Glob[] {
                    m.bucket() == null ? null : Glob.compile(m.bucket(), at + "bucket"),
                    m.path() == null ? null : Glob.compile(m.path(), at + "path")});
        }
    }

    public int version() {
        return version;
    }

    public List<Rule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public Decision evaluate(FileFacts f, long nowMillis) {
        for (int i = 0; i < rules.size(); i++) {
            String reason = matchReason(i, f, nowMillis);
            if (reason != null) {
                return new Decision(i, rules.get(i), reason);
            }
        }
        return Decision.NONE;
    }

    /** Why rule {@code i} matches the file, or null when it does not. */
    private String matchReason(int i, FileFacts f, long now) {
        Match m = rules.get(i).match();
        Glob[] g = globs.get(i);
        List<String> why = new ArrayList<>();
        if (g[0] != null) {
            if (!g[0].matches(f.bucket())) {
                return null;
            }
            why.add("bucket " + f.bucket() + " matches " + g[0]);
        }
        if (g[1] != null) {
            if (!g[1].matches(f.path())) {
                return null;
            }
            why.add("path matches " + g[1]);
        }
        if (m.minSize() != null) {
            if (f.size() < m.minSize()) {
                return null;
            }
            why.add("size " + f.size() + " >= " + m.minSize());
        }
        if (m.maxSize() != null) {
            if (f.size() > m.maxSize()) {
                return null;
            }
            why.add("size " + f.size() + " <= " + m.maxSize());
        }
        if (m.modifiedOlderThan() != null) {
            Duration age = Duration.ofMillis(Math.max(0, now - f.modifiedMillis()));
            if (age.compareTo(m.modifiedOlderThan()) < 0) {
                return null;
            }
            why.add("modified " + human(age) + " ago (>= " + human(m.modifiedOlderThan()) + ")");
        }
        if (m.accessedOlderThan() != null) {
            Duration age = Duration.ofMillis(Math.max(0, now - f.lastAccessMillis()));
            if (age.compareTo(m.accessedOlderThan()) < 0) {
                return null;
            }
            why.add("last accessed " + human(age) + " ago (>= " + human(m.accessedOlderThan()) + ")");
        }
        if (!contains(f.tags(), m.tags())) {
            return null;
        }
        if (!m.tags().isEmpty()) {
            why.add("tags " + m.tags());
        }
        if (!contains(lowerKeys(f.metadata()), lowerKeys(m.metadata()))) {
            return null;
        }
        if (!m.metadata().isEmpty()) {
            why.add("metadata " + m.metadata());
        }
        return why.isEmpty() ? "matches every file" : String.join(", ", why);
    }

    private static boolean contains(Map<String, String> have, Map<String, String> want) {
        for (Map.Entry<String, String> e : want.entrySet()) {
            if (!e.getValue().equals(have.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> lowerKeys(Map<String, String> m) {
        Map<String, String> out = new java.util.HashMap<>();
        m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    static String human(Duration d) {
        long s = d.getSeconds();
        if (s >= 86400) {
            return s / 86400 + "d" + (s % 86400 >= 3600 ? (s % 86400) / 3600 + "h" : "");
        }
        if (s >= 3600) {
            return s / 3600 + "h" + (s % 3600 >= 60 ? (s % 3600) / 60 + "m" : "");
        }
        if (s >= 60) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
