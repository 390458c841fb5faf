package io.strata.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    @Test
    void readsNamesLabelsValuesAndSkipsComments() {
        PrometheusText t = PrometheusText.parse("""
                # HELP x_total things
                # TYPE x_total counter
                x_total 12.0
                y_bucket{a="1",b="q\\"u\\\\o,te",le="+Inf"} 3 1700000000000
                z{} NaN
                """);
        assertEquals(3, t.samples().size());
        assertEquals(12.0, t.value("x_total").orElseThrow());
        assertEquals(3.0, t.value("y_bucket", Map.of("b", "q\"u\\o,te", "le", "+Inf")).orElseThrow());
        assertEquals(Double.NaN, t.value("z").orElseThrow());
    }
}
