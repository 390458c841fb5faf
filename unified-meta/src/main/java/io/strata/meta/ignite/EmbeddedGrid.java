package io.strata.meta.ignite;

import io.strata.meta.MetaConfig;
import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.cluster.ClusterState;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.configuration.TransactionConfiguration;
import org.apache.ignite.configuration.WALMode;
import org.apache.ignite.failure.StopNodeOrHaltFailureHandler;
import org.apache.ignite.logger.slf4j.Slf4jLogger;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Ignite node embedded in this process, with native persistence under the metadata directory.
 * The node finds only itself (static discovery on one loopback port) so two Strata servers on one host never
 * merge into one cluster by accident; clustering is a deliberate configuration, not a side effect.
 */
public final class EmbeddedGrid {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedGrid.class);

    private EmbeddedGrid() {
    }

    public static Ignite start(MetaConfig config) {
        long started = System.nanoTime();
        Ignite ignite = Ignition.start(configuration(config));
        if (ignite.cluster().state() != ClusterState.ACTIVE) {
            ignite.cluster().state(ClusterState.ACTIVE);
        }
        ignite.cluster().baselineAutoAdjustEnabled(true);
        LOG.info("metadata grid node {} up in {} ms, data in {}", config.nodeName(),
                (System.nanoTime() - started) / 1_000_000, config.directory());
        return ignite;
    }

    private static IgniteConfiguration configuration(MetaConfig config) {
        String address = "127.0.0.1:" + config.discoveryPort();
        TcpDiscoverySpi discovery = new TcpDiscoverySpi()
                .setIpFinder(new TcpDiscoveryVmIpFinder().setAddresses(List.of(address)))
                .setLocalAddress("127.0.0.1")
                .setLocalPort(config.discoveryPort())
                .setLocalPortRange(0);
        TcpCommunicationSpi communication = new TcpCommunicationSpi()
                .setLocalAddress("127.0.0.1")
                .setLocalPort(config.communicationPort())
                .setLocalPortRange(0);

        DataRegionConfiguration region = new DataRegionConfiguration()
                .setName("strata-meta")
                .setPersistenceEnabled(true)
                .setInitialSize(Math.min(64L << 20, config.maxMemoryBytes()))
                .setMaxSize(config.maxMemoryBytes());
        String dir = config.directory().toAbsolutePath().toString();
        DataStorageConfiguration storage = new DataStorageConfiguration()
                .setDefaultDataRegionConfiguration(region)
                .setStoragePath(dir + "/db")
                .setWalPath(dir + "/wal")
                // Same path for archive and WAL turns archiving off: segments are reused in place.
                .setWalArchivePath(dir + "/wal")
                .setWalMode(config.walFsync() ? WALMode.FSYNC : WALMode.LOG_ONLY)
                .setWalSegmentSize((int) config.walSegmentBytes())
                .setWalSegments(config.walSegments())
                .setWalCompactionEnabled(false);

        return new IgniteConfiguration()
                .setIgniteInstanceName(config.nodeName())
                .setConsistentId(config.nodeName())
                .setWorkDirectory(dir)
                .setGridLogger(new Slf4jLogger())
                .setDiscoverySpi(discovery)
                .setCommunicationSpi(communication)
                .setDataStorageConfiguration(storage)
                .setTransactionConfiguration(new TransactionConfiguration().setDefaultTxTimeout(30_000))
                .setClientConnectorConfiguration(null)
                .setConnectorConfiguration(null)
                .setMetricsLogFrequency(0)
                .setPeerClassLoadingEnabled(false)
                .setFailureHandler(new StopNodeOrHaltFailureHandler());
    }
}
