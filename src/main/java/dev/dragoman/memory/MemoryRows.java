package dev.dragoman.memory;

import java.sql.SQLException;

/**
 * The rows of an export, read one at a time from an open cursor so that a memory of millions of rows is never held
 * whole; closing it gives the database connection back.
 */
public interface MemoryRows extends AutoCloseable {

    /** Rows of a memory that keeps none. */
    MemoryRows NONE = new MemoryRows() {
        @Override
        public MemoryRow next() {
            return null;
        }

        @Override
        public void close() {
        }
    };

    /** The next row, or null after the last. */
    MemoryRow next() throws SQLException;

    @Override
    void close() throws SQLException;
}
