package io.strata.bench.nfs;

import io.strata.bench.ProcStat;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nfs-ganesha (VFS backend) exporting a local directory: the NFS peer. NFSv3 needs rpcbind, which is
 * started if none answers. NFS on {@code port}, MOUNT on {@code port + 1}; the export is {@value #EXPORT}. The
 * integration tests use it too, as the reference a kernel client's view of Strata is compared with.
 */
public final class GaneshaPeer implements AutoCloseable {
    public static final String EXPORT = "/export";

    private final Process ganesha;
    private final Process rpcbind;
    public final int port;

    public GaneshaPeer(Path dir, int port) throws IOException, InterruptedException {
        this.port = port;
        Path export = Files.createDirectories(dir.resolve("export"));
        Files.createDirectories(dir.resolve("recovery"));
        Path conf = dir.resolve("ganesha.conf");
        Files.writeString(conf, """
                NFS_CORE_PARAM {
                  Protocols = 3, 4;
                  Bind_addr = 127.0.0.1;
                  NFS_Port = %d;
                  MNT_Port = %d;
                  NLM_Port = %d;
                  Rquota_Port = %d;
                  Enable_NLM = false;
                  Enable_RQUOTA = false;
                  Enable_UDP = false;
                  Mount_Path_Pseudo = true;
                }
                NFSV4 { Graceless = true; RecoveryBackend = fs; RecoveryRoot = "%s"; Only_Numeric_Owners = true; }
                NFS_KRB5 { Active_krb5 = false; }
                EXPORT {
                  Export_Id = 1;
                  Path = "%s";
                  Pseudo = %s;
                  Protocols = 3, 4;
                  Transports = TCP;
                  Access_Type = RW;
                  Squash = No_Root_Squash;
                  SecType = sys;
                  FSAL { Name = VFS; }
                }
                """.formatted(port, port + 1, port + 2, port + 3, dir.resolve("recovery"), export, EXPORT));
        rpcbind = answers(111) ? null : new ProcessBuilder("rpcbind", "-f").redirectErrorStream(true)
                .redirectOutput(dir.resolve("rpcbind.log").toFile()).start();
        waitFor(111, rpcbind);
        ganesha = new ProcessBuilder(List.of("ganesha.nfsd", "-F", "-L", dir.resolve("ganesha.log").toString(),
                "-f", conf.toString(), "-p", dir.resolve("ganesha.pid").toString(), "-N", "NIV_EVENT"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("ganesha.out").toFile()).start();
        waitFor(port, ganesha);
        waitFor(port + 1, ganesha);
    }

    /** CPU seconds ganesha has used so far (NaN where /proc cannot tell). */
    public double cpuSeconds() {
        return ProcStat.cpuSeconds(Path.of("/proc", String.valueOf(ganesha.pid()), "stat"));
    }

    private static void waitFor(int port, Process owner) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (owner != null && !owner.isAlive()) {
                throw new IOException("process for port " + port + " exited with " + owner.exitValue());
            }
            if (answers(port)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IOException("nothing listens on " + port + " after 60 s");
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        ganesha.destroy();
        if (!ganesha.waitFor(20, TimeUnit.SECONDS)) {
            ganesha.destroyForcibly();
        }
        if (rpcbind != null) {
            rpcbind.destroy();
            rpcbind.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
