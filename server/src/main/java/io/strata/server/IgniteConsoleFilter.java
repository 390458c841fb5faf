package io.strata.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installed as {@code System.out} by the launcher. With its loggers at WARN, Ignite considers itself "quiet" and
 * prints its start-up chatter ({@code [12:00:00] Ignite node started OK ...}) straight to standard output; those
 * lines go to the log at DEBUG (logger {@code org.apache.ignite.console}) instead, so standard output carries only
 * Strata's own lines. Every other line passes through unchanged.
 */
final class IgniteConsoleFilter extends OutputStream {
    private static final Pattern IGNITE_QUIET_LINE = Pattern.compile("^\\[\\d{2}:\\d{2}:\\d{2}] ");
    private static final Logger LOG = LoggerFactory.getLogger("org.apache.ignite.console");

    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    IgniteConsoleFilter(PrintStream target) {
        this.target = target;
    }

    /** Routes {@code System.out} through the filter; returns the real standard output for Strata's own lines. */
    static PrintStream install() {
        PrintStream real = System.out;
        System.setOut(new PrintStream(new IgniteConsoleFilter(real), true, StandardCharsets.UTF_8));
        return real;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() {
        target.flush();
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (IGNITE_QUIET_LINE.matcher(text).find()) {
            LOG.debug("{}", text.substring(text.indexOf(']') + 2));
        } else {
            target.println(text);
        }
    }
}
