package io.strata.s3.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AmzDatesTest {
    @Test
    void parsesTheBasicFormAndFormatsItBack() {
        Instant t = AmzDates.parseBasic("20130524T000000Z").orElseThrow();
        assertEquals(Instant.parse("2013-05-24T00:00:00Z"), t);
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), AmzDates.parseBasic("20240229T235959Z").orElseThrow());
        assertEquals("20240229T235959Z", AmzDates.formatBasic(Instant.parse("2024-02-29T23:59:59Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "20130524T000000", "20130524T000000ZZ", "20130524 000000Z", "20130524T000000z",
            "2013O524T000000Z", "20131324T000000Z", "20130230T000000Z", "20230229T000000Z", "20130524T240000Z",
            "20130524T006000Z", "20130524T000060Z", "-0130524T000000Z", "2013-05-24T00:0Z"})
    void refusesAnythingElse(String value) {
        assertEquals(Optional.empty(), AmzDates.parseBasic(value), value);
    }
}
