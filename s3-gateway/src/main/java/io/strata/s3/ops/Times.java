package io.strata.s3.ops;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The two time formats of S3: RFC 1123 in headers, ISO 8601 with milliseconds in XML. */
final class Times {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String header(long nanos) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(toInstant(nanos), ZoneOffset.UTC));
    }

    static String xml(long nanos) {
        return ISO.format(toInstant(nanos));
    }

    static String xmlMillis(long millis) {
        return ISO.format(Instant.ofEpochMilli(millis));
    }

    /** Seconds precision, as HTTP dates compare. */
    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }

    static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant truncated(long nanos) {
        return toInstant(nanos).truncatedTo(ChronoUnit.SECONDS);
    }
}
