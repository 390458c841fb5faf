package io.strata.nfs.server;

/**
 * How the NFS server runs.
 *
 * @param port       TCP port for NFS and MOUNT together (0: any free port)
 * @param portmap    also answer portmapper queries on port 111 when it is free
 * @param handleKey  secret that signs file handles; the same key keeps handles valid across restarts
 */
public record NfsSettings(String bind, int port, boolean portmap, boolean rootSquash, int anonUid, int anonGid,
                          byte[] handleKey) {
}
