package io.strata.nfs.v4;

import io.strata.nfs.v4.state.ClientTable;
import io.strata.nfs.v4.state.LockTable;
import io.strata.nfs.v4.state.OpenStates;
import io.strata.nfs.v4.state.OtherIds;
import java.nio.charset.StandardCharsets;

/**
 * What outlives one COMPOUND: clients, sessions, opens and locks, and the identity the server gives in EXCHANGE_ID
 * (clients use the owner and scope to tell whether two addresses are the same server).
 */
public record ServerState(ClientTable clients, OpenStates opens, LockTable locks, byte[] serverOwner,
                          byte[] serverScope) {

    public static ServerState fresh() {
        OtherIds ids = new OtherIds();
        OpenStates opens = new OpenStates(ids);
        LockTable locks = new LockTable(ids);
        byte[] name = "strata".getBytes(StandardCharsets.US_ASCII);
        return new ServerState(new ClientTable(opens, locks), opens, locks, name, name);
    }
}
