package io.strata.server;

/**
 * One setting of the server: the command-line flag that sets it, the environment variable that sets it when the
 * flag is absent (null if none), the default when neither is given, and what it means. The flag always wins.
 *
 * @param flag         {@code --name}; {@code --name value} and {@code --name=value} both work
 * @param env          environment variable, or null
 * @param defaultValue the value when neither flag nor env var is given, in the same syntax a user would type
 * @param kind         how the value is written and checked
 * @param meaning      one line for {@code --help} and the README table
 */
public record ConfigKey(String flag, String env, String defaultValue, Kind kind, String meaning) {

    /** The syntax of a value. */
    public enum Kind {
        PATH("<dir>"),
        ADDRESS("<address>"),
        PORT("<port>"),
        LIST("<a,b,...>"),
        TEXT("<text>"),
        SECRET("<secret>"),
        /** Given alone it means true; {@code --flag=false} turns it off. */
        SWITCH(""),
        /** Bytes, with an optional binary suffix: 64MiB, 64m, 1GiB, 4096. */
        SIZE("<size>"),
        COUNT("<n>"),
        /** 10s, 500ms, 2m, 1h; a bare number is seconds. */
        DURATION("<duration>");

        private final String placeholder;

        Kind(String placeholder) {
            this.placeholder = placeholder;
        }

        public String placeholder() {
            return placeholder;
        }
    }

    /** The flag as {@code --help} shows it, with its value placeholder. */
    public String usage() {
        return kind == Kind.SWITCH ? flag : flag + " " + kind.placeholder();
    }

    @Override
    public String toString() {
        return flag;
    }
}
