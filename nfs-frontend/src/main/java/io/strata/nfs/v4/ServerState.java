package io.strata.nfs.v4;

import io.strata.nfs.v4.state.ClientTable;
import io.strata.nfs.v4.state.OpenStates;
import java.nio.charset.StandardCharsets;

/**
 * What outlives one COMPOUND: clients, sessions and opens, and the identity the server gives in EXCHANGE_ID
 * (clients use the owner and scope to tell whether two addresses are the same server).
 */
public record ServerState(ClientTable clients, OpenStates opens, byte[] serverOwner, byte[] serverScope) {

    public static ServerState fresh() {
        OpenStates opens = new OpenStates();
        return new ServerState(new ClientTable(opens), opens, "strata".getBytes(StandardCharsets.US_ASCII),
                "strata".getBytes(StandardCharsets.US_ASCII));
    }
}
