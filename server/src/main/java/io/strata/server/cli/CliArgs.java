package io.strata.server.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A command line split into words and options. {@code --name value} and {@code --name=value} both work; switches
 * ({@code --json}, {@code --watch}, {@code --help}) take no value. A lone {@code -} is a word (standard input).
 */
record CliArgs(List<String> words, Map<String, String> options) {
    static final Set<String> SWITCHES = Set.of("--json", "--watch", "--help", "-h");

    static CliArgs parse(List<String> args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                words.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (SWITCHES.contains(name)) {
                if (eq >= 0) {
                    throw new UsageException(name + " takes no value");
                }
                options.put(name.equals("-h") ? "--help" : name, "true");
            } else if (!name.startsWith("--")) {
                throw new UsageException("unknown option " + name);
            } else if (eq >= 0) {
                options.put(name, a.substring(eq + 1));
            } else if (i + 1 < args.size()) {
                options.put(name, args.get(++i));
            } else {
                throw new UsageException(name + " needs a value");
            }
        }
        return new CliArgs(List.copyOf(words), Map.copyOf(options));
    }

    boolean has(String option) {
        return options.containsKey(option);
    }

    String option(String name) {
        return options.get(name);
    }

    String required(String name) {
        String v = options.get(name);
        if (v == null || v.isEmpty()) {
            throw new UsageException(name + " is required");
        }
        return v;
    }

    /** The n-th word, counting from 0 after the command's own words. */
    String word(int index, String what) {
        if (index >= words.size()) {
            throw new UsageException(what + " is missing");
        }
        return words.get(index);
    }

    /** Refuses options a command does not know, so a typo is not silently ignored. */
    void allowOnly(Set<String> known, String command) {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new UsageException("unknown option " + name + " for '" + command + "'"
                        + (known.isEmpty() ? "" : " (it takes " + String.join(", ", new TreeSet<>(known)) + ")"));
            }
        }
    }

    /** At most {@code max} words. */
    void atMostWords(int max, String command) {
        if (words.size() > max) {
            throw new UsageException("unexpected '" + words.get(max) + "' after '" + command + "'");
        }
    }

    /** The same options, without the first {@code n} words (the command's name). */
    CliArgs dropWords(int n) {
        return new CliArgs(words.subList(Math.min(n, words.size()), words.size()), options);
    }
}
