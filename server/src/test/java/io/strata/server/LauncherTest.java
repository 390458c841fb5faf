package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Launcher launcher = new Launcher(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void helpListsEveryFlagWithItsEnvVarAndDefault() {
        assertEquals(0, launcher.run(List.of("--help")));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("strata serve [flags]"), text);
        for (ConfigKey k : ConfigKeys.ALL) {
            assertTrue(text.contains(k.flag()), k.flag() + " missing from:\n" + text);
            if (k.env() != null) {
                assertTrue(text.contains(k.env()), k.env() + " missing from:\n" + text);
            }
        }
        assertTrue(text.contains("strata-secret-key"), text);
        assertEquals(0, launcher.run(List.of("serve", "--help")));
    }

    @Test
    void versionPrintsOneLine() {
        assertEquals(0, launcher.run(List.of("version")));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("strata "));
    }

    @Test
    void aBadFlagExitsWithStatus2AndOneLine() {
        assertEquals(Launcher.EXIT_USAGE, launcher.run(List.of("serve", "--s3-prot", "9000")));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals("strata: unknown flag --s3-prot (see serve --help for the list)\n", text);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCommandOrNoneIsAUsageError() {
        assertEquals(Launcher.EXIT_USAGE, launcher.run(List.of("srve")));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("strata: unknown command 'srve'"));
        assertEquals(Launcher.EXIT_USAGE, launcher.run(List.of()));
    }

    @Test
    void urlHostForWildcardAndIpv6() {
        assertEquals("127.0.0.1", Launcher.urlHost("0.0.0.0"));
        assertEquals("[::1]", Launcher.urlHost("::1"));
        assertEquals("10.1.2.3", Launcher.urlHost("10.1.2.3"));
    }
}
