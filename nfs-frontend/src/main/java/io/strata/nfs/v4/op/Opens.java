package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.vfs.FileId;

/** How READ, WRITE and SETATTR check the stateid they carry. */
final class Opens {
    private Opens() {
    }

    /**
     * The anonymous and read-bypass stateids are accepted (RFC 8881 8.2.3: I/O without an open); any other must
     * name an open or a lock owner's state of this very file.
     */
    static void check(CompoundState state, StateId wire, FileId file) throws Nfs4Exception {
        StateId id = state.resolve(wire);
        if (id.isAnonymous() || id.isBypass()) {
            return;
        }
        FileId of = state.server().locks().exists(id) ? state.server().locks().find(id).file()
                : state.server().opens().find(id).file();
        if (!of.equals(file)) {
            throw new Nfs4Exception(Nfs4Status.BAD_STATEID, "stateid " + id + " is for another file");
        }
    }

    /** The client id an operation's state belongs to: the session's. */
    static long clientId(CompoundState state) throws Nfs4Exception {
        if (state.session() == null) {
            throw new Nfs4Exception(Nfs4Status.OP_NOT_IN_SESSION, "state needs a session");
        }
        return state.session().client().id();
    }
}
