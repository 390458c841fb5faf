package io.strata.server.cli;

/** The server answered with an error; {@code message} is the server's own, {@code field} names the culprit. */
final class AdminApiException extends CliException {
    private final int status;
    private final String error;
    private final String field;
    private final String reason;

    AdminApiException(int status, String error, String field, String reason) {
        super((field == null ? "" : field + ": ") + reason + " (" + status + " " + error + ")");
        this.status = status;
        this.error = error;
        this.field = field;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    String field() {
        return field;
    }

    String reason() {
        return reason;
    }
}
