package io.strata.nfs.v4;

import io.strata.nfs.v4.state.ClientTable;
import io.strata.nfs.v4.state.LockTable;
import io.strata.nfs.v4.state.OpenStates;
import java.nio.charset.StandardCharsets;

/**
 * What outlives one COMPOUND: clients, sessions, opens and locks, and the identity the server gives in EXCHANGE_ID
 * (clients use the owner and scope to tell whether two addresses are the same server).
 */
public record ServerState(ClientTable clients, OpenStates opens, LockTable locks, byte[] serverOwner,
                          byte[] serverScope) {

    public static ServerState fresh() {
        OpenStates opens = new OpenStates();
        LockTable locks = new LockTable();
        byte[] name = "strata".getBytes(StandardCharsets.US_ASCII);
        return new ServerState(new ClientTable(opens, locks), opens, locks, name, name);
    }
}
