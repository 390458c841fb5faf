package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures that must come back as one clear line, before anything heavy starts. */
class StrataServerTest {

    @Test
    void anS3PortInUseIsOneClearLine(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            List<String> flags = TestServers.flags(dir.resolve("data"), taken.getLocalPort());
            StrataServer server = new StrataServer(StrataConfig.parse(flags, Map.of()));
            StartupException e = assertThrows(StartupException.class, server::start);
            assertEquals("S3 port " + taken.getLocalPort() + " on 127.0.0.1 is in use by another process: stop it "
                    + "or choose another port with --s3-port (or STRATA_S3_PORT)", e.getMessage());
            server.close();
            assertFalse(Files.exists(dir.resolve("data")), "nothing written before the ports are known free");
        }
    }

    @Test
    void anIgnitePortInUseNamesItsFlag(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            List<String> flags = TestServers.flags(dir, 0);
            flags.addAll(List.of("--ignite-discovery-port", Integer.toString(taken.getLocalPort())));
            StrataServer server = new StrataServer(StrataConfig.parse(flags, Map.of()));
            StartupException e = assertThrows(StartupException.class, server::start);
            assertTrue(e.getMessage().contains("--ignite-discovery-port"), e.getMessage());
            server.close();
        }
    }

    @Test
    void anAddressNotOnThisHostIsOneClearLine(@TempDir Path dir) throws Exception {
        List<String> flags = TestServers.flags(dir, 0);
        // 192.0.2.0/24 is TEST-NET-1: never an address of this machine.
        flags.addAll(List.of("--bind", "192.0.2.1", "--s3-port", Integer.toString(TestServers.freePorts(1)[0])));
        StrataServer server = new StrataServer(StrataConfig.parse(flags, Map.of()));
        StartupException e = assertThrows(StartupException.class, server::start);
        assertTrue(e.getMessage().startsWith("cannot listen on 192.0.2.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("--bind"), e.getMessage());
        server.close();
    }
}
