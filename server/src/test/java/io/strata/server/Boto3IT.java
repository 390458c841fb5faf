package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs cli/boto3_checks.py with Debian's python3 and boto3 against a server started in this JVM. The script
 * asserts inside Python and exits non-zero listing every mismatch; its whole output is shown on failure.
 */
class Boto3IT {
    @RegisterExtension
    static final InJvmServer strata = new InJvmServer();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        Tools.requireBoto3();
    }

    @Test
    void boto3ChecksPass() throws Exception {
        Path script = Path.of(Boto3IT.class.getResource("/cli/boto3_checks.py").toURI());
        Path work = Files.createDirectories(tmp.resolve("work"));
        Proc.Result r = Proc.run(List.of(Tools.PYTHON, script.toString(), "http://127.0.0.1:" + strata.s3Port(),
                TestServers.USER, TestServers.SECRET, work.toString()),
                Map.of("PATH", "/usr/bin:/bin", "HOME", work.toString(), "LANG", "C.UTF-8",
                        "AWS_CONFIG_FILE", work.resolve("no-config").toString(),
                        "AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString(),
                        "AWS_EC2_METADATA_DISABLED", "true"),
                work, Duration.ofMinutes(5));
        System.out.println(r.out());
        assertEquals(0, r.exit(), "boto3 checks failed:\n" + r.describe());
        assertTrue(r.out().contains(" passed, 0 failed"), r.describe());
    }
}
