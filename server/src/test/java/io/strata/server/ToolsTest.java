package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing client tool skips an integration test on a developer's machine and fails it under CI=true. */
class ToolsTest {

    @Test
    void aPresentToolPasses() {
        assertDoesNotThrow(() -> Tools.require(true, "x", "apt-get install x"));
    }

    @Test
    void aMissingToolSkipsOrFailsDependingOnCi() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Class<? extends Throwable> expected = ci ? AssertionFailedError.class : TestAbortedException.class;
        Throwable t = assertThrows(Throwable.class,
                () -> Tools.require(false, "/usr/bin/frobnicate", "sudo apt-get install -y frobnicate"));
        assertEquals(expected, t.getClass(), "CI=" + System.getenv("CI"));
        assertTrue(t.getMessage().contains("MISSING TOOL: /usr/bin/frobnicate is not installed; install it with: "
                + "sudo apt-get install -y frobnicate"), t.getMessage());
    }
}
