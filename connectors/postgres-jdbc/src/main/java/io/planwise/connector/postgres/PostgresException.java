package io.planwise.connector.postgres;

/** A PostgreSQL problem explained in one sentence a user can act on; never contains a password. */
public class PostgresException extends RuntimeException {
    public PostgresException(String message, Throwable cause) {
        super(message, cause);
    }

    public PostgresException(String message) {
        super(message);
    }
}
