package io.strata.nfs.v4;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which compounds run in the thread that read them: those whose every operation only reads. */
class CompoundQuickTest {
    private static final int ACCESS = 3;
    private static final int CLOSE = 4;
    private static final int GETATTR = 9;
    private static final int GETFH = 10;
    private static final int LOOKUP = 15;
    private static final int OPEN = 18;
    private static final int PUTFH = 22;
    private static final int READ = 25;
    private static final int REMOVE = 28;
    private static final int SEQUENCE = 53;

    private static Compound of(int... opcodes) {
        List<Compound.Decoded<?>> ops = new ArrayList<>();
        for (int opcode : opcodes) {
            ops.add(new Compound.Decoded<>(opcode, Operations.of(opcode), null));
        }
        return new Compound(new byte[0], 1, ops, null);
    }

    @Test
    void whatTheLinuxClientSendsForStatLookupAndCloseIsQuick() {
        assertTrue(of(SEQUENCE, PUTFH, GETATTR).quick());
        assertTrue(of(SEQUENCE, PUTFH, ACCESS, GETATTR).quick());
        assertTrue(of(SEQUENCE, PUTFH, LOOKUP, GETFH, GETATTR).quick());
        assertTrue(of(SEQUENCE, PUTFH, CLOSE).quick());
    }

    @Test
    void oneOperationThatMayBlockSendsTheCompoundToThePool() {
        assertFalse(of(SEQUENCE, PUTFH, OPEN, GETFH, ACCESS, GETATTR).quick());
        assertFalse(of(SEQUENCE, PUTFH, READ).quick());
        assertFalse(of(SEQUENCE, PUTFH, REMOVE, GETATTR).quick());
    }
}
