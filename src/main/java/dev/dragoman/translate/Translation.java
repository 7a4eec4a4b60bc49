package dev.dragoman.translate;

/**
 * One provider instance's translation of one text.
 *
 * @param cached whether it came from the translation memory: no provider call, no usage
 */
public record Translation(String provider, String model, String text, Usage usage, boolean cached) {

    public Translation(String provider, String model, String text, Usage usage) {
        this(provider, model, text, usage, false);
    }

    /** A translation the memory had: nothing was asked of the provider, so nothing was used. */
    public static Translation remembered(String provider, String model, String text) {
        return new Translation(provider, model, text, null, true);
    }
}
