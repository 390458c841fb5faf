package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.bench.nfs.GaneshaPeer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * POSIX behaviour through the real Linux kernel NFSv3 client, with nfs-ganesha (VFS backend over a local file
 * system) as the reference: {@code posix/conformance.py} runs on a mount of each, one line per check (error codes,
 * which of mtime and ctime each operation changes, link counts, modes, owners, file kinds, sparse reads,
 * permission checks as another user), and Strata must print what ganesha prints. The differences Strata makes on
 * purpose are listed in {@link #DELIBERATE}, each checked for its own answer.
 */
class PosixConformanceKernelIT {
    /** Checks where Strata differs from a local file system on purpose (README, "NFS: the same namespace as files"). */
    private static final Set<String> DELIBERATE = Set.of("mknod_char_device", "readdir_lists_all_kinds",
            "read_updates_atime_relatime");

    @RegisterExtension
    static final InJvmServer server = new InJvmServer();

    @TempDir
    static Path tmp;
    static GaneshaPeer ganesha;

    @BeforeAll
    static void start() throws Exception {
        Tools.linuxNfsClient();
        Tools.requireGanesha();
        server.s3().createBucket(b -> b.bucket("posix"));
        ganesha = new GaneshaPeer(tmp.resolve("ganesha"), TestServers.freePorts(1)[0]);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ganesha != null) {
            ganesha.close();
        }
    }

    @Test
    void strataAnswersEveryCheckAsALocalFileSystemBehindGaneshaDoes() throws Exception {
        Map<String, String> reference = checks(ganesha.port, ganesha.port + 1, GaneshaPeer.EXPORT);
        Map<String, String> strata = checks(server.nfsPort(), server.nfsPort(), "/posix");

        assertSameAnswers(reference, strata, "NFSv3");

        // A few answers checked outright, so that a peer gone wrong cannot make Strata look right.
        assertEquals("dir mode=0o755 nlink=4 uid=0 gid=0 size=-", strata.get("dir_nlink_counts_subdirs"));
        assertEquals("ok, d mtime+ctime, fifo mode=0o644 nlink=1 uid=0 gid=0 size=0", strata.get("mkfifo"));
        assertEquals("ok, socket mode=0o644 nlink=1 uid=0 gid=0 size=0", strata.get("mknod_socket"));
        assertEquals("ok, f ctime, file mode=0o600 nlink=1 uid=0 gid=0 size=5", strata.get("chmod_times"));
        assertEquals("EINVAL", strata.get("rename_dir_into_itself"));
        assertEquals("EACCES", strata.get("other_user_write_denied"));
        assertEquals("EPERM", strata.get("sticky_dir_other_user_unlink"));

        // The deliberate differences: reads leave atime alone (noatime; tiering tracks reads on its own), and no
        // device nodes (the kernel's ENOTSUPP, 524), so none listed either.
        assertEquals("False", strata.get("read_updates_atime_relatime"));
        assertEquals("524", strata.get("mknod_char_device"));
        assertEquals(reference.get("readdir_lists_all_kinds").replace("('c', 'other'), ", ""),
                strata.get("readdir_lists_all_kinds"));
    }

    /**
     * The same checks over NFSv4.2, against ganesha's NFSv4.2. Device nodes are EPERM here (NFSv4 CREATE), the
     * atime difference is the same as over NFSv3.
     */
    @Test
    void overNfsVersion42StrataAnswersAsGaneshaDoes() throws Exception {
        Map<String, String> reference = checks("4.2", ganesha.port, ganesha.port, GaneshaPeer.EXPORT);
        Map<String, String> strata = checks("4.2", server.nfsPort(), server.nfsPort(), "/posix");

        assertSameAnswers(reference, strata, "NFSv4.2");
        assertEquals("EPERM", strata.get("mknod_char_device"));
        assertEquals("False", strata.get("read_updates_atime_relatime"));
        assertEquals("EACCES", strata.get("other_user_write_denied"));
    }

    @Test
    void s3SeesTheRegularFilesAndNotThePipesSocketsOrSymlinks() throws Exception {
        checks(server.nfsPort(), server.nfsPort(), "/posix");
        Set<String> keys = new TreeSet<>();
        for (S3Object o : server.s3().listObjectsV2Paginator(r -> r.bucket("posix")).contents()) {
            keys.add(o.key());
        }
        String run = keys.stream().filter(k -> k.endsWith("/d/sparse")).findFirst().orElseThrow()
                .replace("d/sparse", "");
        assertTrue(keys.contains(run + "d/private"), keys.toString());
        assertTrue(keys.contains(run + "d/full/x"), keys.toString());
        for (String notAnObject : List.of("d/p", "d/s", "d/l", "d/loop1")) {
            assertFalse(keys.contains(run + notAnObject), notAnObject + " listed as an object: " + keys);
        }
        assertEquals(1048581, server.s3().headObject(r -> r.bucket("posix").key(run + "d/sparse")).contentLength());
    }

    /** Every check ran on both, and Strata answered as the reference did, except where it differs on purpose. */
    private static void assertSameAnswers(Map<String, String> reference, Map<String, String> strata, String over) {
        assertEquals(reference.keySet(), strata.keySet(), "every check ran on both over " + over);
        List<String> differences = new ArrayList<>();
        strata.forEach((check, result) -> {
            assertFalse(result.startsWith("CRASH"), check + " could not run on Strata: " + result);
            if (!DELIBERATE.contains(check) && !result.equals(reference.get(check))) {
                differences.add(check + "\n  ganesha: " + reference.get(check) + "\n  strata:  " + result);
            }
        });
        assertEquals(List.of(), differences, "Strata differs from the reference over " + over);
    }

    /** Runs the checks in a new directory of the export; returns check name to result, in order. */
    private static Map<String, String> checks(int nfsPort, int mountPort, String export) throws Exception {
        return checks("3", nfsPort, mountPort, export);
    }

    private static Map<String, String> checks(String vers, int nfsPort, int mountPort, String export)
            throws Exception {
        String program;
        try (InputStream in = PosixConformanceKernelIT.class.getResourceAsStream("/posix/conformance.py")) {
            program = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String script = "dir=/mnt/run-$RANDOM$RANDOM && mkdir \"$dir\" && cd \"$dir\" && python3 - <<'PY'\n" + program + "\nPY\n";
        KernelClient.Result r = KernelClient.run(vers, nfsPort, mountPort, export, "", 600, script, line -> { });
        assertEquals(0, r.exit(), r.describe());
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : r.lines()) {
            int colon = line.indexOf(": ");
            if (colon > 0 && !line.startsWith(" ")) {
                out.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        assertTrue(out.size() >= 50, "the checks ran: " + r.describe());
        return out;
    }
}
