package io.strata.s3.signature;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Timestamps as SigV4 writes them, and the clock tolerance S3 applies to them. */
final class AmzDates {
    /** S3 refuses requests whose time is further than this from its own clock. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AmzDates() {
    }

    /** Parses {@code yyyyMMdd'T'HHmmss'Z'}, the only form SigV4 signs. */
    static Optional<Instant> parseBasic(String value) {
        if (value == null || value.length() != 16) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(BASIC.parse(value)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Parses an HTTP {@code Date} header (RFC 1123), the fallback when a client sends no x-amz-date. */
    static Optional<Instant> parseHttpDate(String value) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String formatBasic(Instant instant) {
        return BASIC.format(instant);
    }

    /** ISO-8601 with second precision, the form S3 puts in ServerTime and Expires error details. */
    static String formatIso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
