package io.strata.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How many untimed rounds a server gets when no JVM is there to wait for (ganesha, a VM client). */
class WarmUpTest {
    @Test
    void aServerThatIsNotAJvmGetsTheMinimumRoundsOnTheHostAndOneThroughTheVm() throws Exception {
        AtomicInteger host = new AtomicInteger();
        new WarmUp(List.of()).untilSteady("peer", "host cycle", round -> host.incrementAndGet());
        assertEquals(WarmUp.MIN_ROUNDS, host.get());

        AtomicInteger vm = new AtomicInteger();
        WarmUp.throughVm(List.of()).untilSteady("peer", "VM round", round -> vm.incrementAndGet());
        assertEquals(1, vm.get(), "a VM round takes a minute: one, for the peer's caches");
    }
}
