package io.strata.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * External clients the integration tests drive. A missing one skips the test loudly on a developer's machine,
 * and fails it in CI (env CI=true), where .ci/run installs them.
 */
final class Tools {
    static final String AWS = "/usr/bin/aws";
    static final String PYTHON = "/usr/bin/python3";
    static final String CURL = "/usr/bin/curl";
    static final String NFS_CP = "/usr/bin/nfs-cp";
    static final String NFS_LS = "/usr/bin/nfs-ls";
    static final String NFS_CAT = "/usr/bin/nfs-cat";

    private Tools() {
    }

    static void requireAwsCli() {
        require(Files.isExecutable(Path.of(AWS)), AWS + " (Debian's AWS CLI)",
                "sudo apt-get install -y --no-install-recommends awscli");
    }

    static void requireBoto3() throws Exception {
        boolean python = Files.isExecutable(Path.of(PYTHON));
        boolean boto3 = python && Proc.run(List.of(PYTHON, "-c", "import boto3"), Map.of("PATH", "/usr/bin:/bin"),
                null, Duration.ofSeconds(60)).exit() == 0;
        require(boto3, "boto3 for " + PYTHON + " (Debian's python3-boto3)",
                "sudo apt-get install -y --no-install-recommends python3-boto3");
    }

    static void requireCurl() {
        require(Files.isExecutable(Path.of(CURL)), CURL,
                "sudo apt-get install -y --no-install-recommends curl");
    }

    /** Debian's nfs-ganesha with its VFS backend, and rpcbind (the reference NFS server some tests compare with). */
    static void requireGanesha() {
        require(Files.isExecutable(Path.of("/usr/bin/ganesha.nfsd")) && Files.isExecutable(Path.of("/usr/sbin/rpcbind"))
                        && Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/ganesha/libfsalvfs.so")),
                "ganesha.nfsd with its VFS backend, and rpcbind (Debian's nfs-ganesha, nfs-ganesha-vfs, rpcbind)",
                "sudo apt-get install -y --no-install-recommends nfs-ganesha nfs-ganesha-vfs rpcbind");
    }

    /** Debian's stress-ng: the guest of the kernel-client VM runs the host's /usr, so the host's copy serves it. */
    static void requireStressNg() {
        require(Files.isExecutable(Path.of("/usr/bin/stress-ng")), "stress-ng (Debian's stress-ng)",
                "sudo apt-get install -y --no-install-recommends stress-ng");
    }

    /** Debian's dbench and its NetBench trace, which the VM's guest runs from the host's /usr. */
    static void requireDbench() {
        require(Files.isExecutable(Path.of("/usr/bin/dbench"))
                        && Files.isReadable(Path.of("/usr/share/dbench/client.txt")), "dbench (Debian's dbench)",
                "sudo apt-get install -y --no-install-recommends dbench");
    }

    /** Debian's fio, which the VM's guest runs from the host's /usr (the kernel-client tool installs it too). */
    static void requireFio() {
        require(Files.isExecutable(Path.of("/usr/bin/fio")), "fio (Debian's fio)",
                "sudo apt-get install -y --no-install-recommends fio");
    }

    static void requireS3cmdAndRclone() {
        require(Files.isExecutable(Path.of("/usr/bin/s3cmd")) && Files.isExecutable(Path.of("/usr/bin/rclone")),
                "s3cmd and rclone (Debian's s3cmd, rclone)",
                "sudo apt-get install -y --no-install-recommends s3cmd rclone");
    }

    static void requireLibnfs() {
        require(Files.isExecutable(Path.of(NFS_CP)) && Files.isExecutable(Path.of(NFS_LS))
                        && Files.isExecutable(Path.of(NFS_CAT)), "nfs-cp, nfs-ls and nfs-cat (Debian's libnfs-utils)",
                "sudo apt-get install -y --no-install-recommends libnfs-utils");
    }

    /**
     * The linux-nfs-client tool (boots a VM with a real Linux NFS client): $LINUX_NFS_CLIENT, else
     * {@code shared/tools/linux-nfs-client/linux-nfs-client} in the nearest ancestor of the working directory.
     */
    static Path linuxNfsClient() {
        String configured = System.getenv("LINUX_NFS_CLIENT");
        if (configured != null && !configured.isEmpty()) {
            require(Files.isExecutable(Path.of(configured)), configured + " ($LINUX_NFS_CLIENT)", "fix the path");
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path tool = dir.resolve("shared/tools/linux-nfs-client/linux-nfs-client");
            if (Files.isExecutable(tool)) {
                return tool;
            }
        }
        require(false, "linux-nfs-client (../shared/tools/linux-nfs-client)",
                "set LINUX_NFS_CLIENT to the tool's path");
        return null;
    }

    static void require(boolean present, String what, String install) {
        if (present) {
            return;
        }
        String message = "MISSING TOOL: " + what + " is not installed; install it with: " + install
                + " (or run .ci/run, which installs everything the tests need)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + ". CI=true: a missing tool fails the test instead of skipping it.");
        }
        System.err.println();
        System.err.println("*************************************************************************************");
        System.err.println("  SKIPPING: " + message);
        System.err.println("*************************************************************************************");
        System.err.println();
        Assumptions.assumeTrue(false, "SKIPPED, " + message);
    }
}
