package io.strata.tiering.policy;

import io.strata.tiering.control.InvalidFieldException;

import java.util.regex.Pattern;

/**
 * Shell-style path patterns: {@code *} matches within one path segment, {@code **} across segments (so
 * {@code logs/**} matches everything under {@code logs/}, and {@code **}{@code /*.csv} every CSV at any depth),
 * {@code ?} one character. Everything else is literal.
 */
public final class Glob {
    private final String source;
    private final Pattern pattern;

    private Glob(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /** @param field where the pattern came from, for the error message */
    public static Glob compile(String glob, String field) {
        if (glob.isEmpty()) {
            throw new InvalidFieldException(field, "must not be empty (leave it out to match everything)");
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    // "**/" also matches nothing at all, so "**/x.csv" matches "x.csv" at the top.
                    re.append(slashFollows ? "(?:.*/)?" : ".*");
                    i += slashFollows ? 2 : 1;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(glob, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return source;
    }
}
