package dev.dragoman.memory;

import java.time.Instant;

/**
 * One remembered translation as the memory's table holds it, for an export.
 *
 * @param model the model that translated it, {@code *} for a unit imported from a TMX file
 */
public record MemoryRow(String id, String text, String translation, String model, Instant created) {
}
