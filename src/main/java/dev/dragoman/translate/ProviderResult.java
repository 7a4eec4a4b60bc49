package dev.dragoman.translate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One instance's entry in a comparison: its translation, or the error that stopped it.
 *
 * @param cached true when the translation came from the translation memory, absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderResult(String provider, String model, String translation, Usage usage, Boolean cached,
        String error) {

    public static ProviderResult of(Translation translation) {
        return new ProviderResult(translation.provider(), translation.model(), translation.text(), translation.usage(),
                translation.cached() ? Boolean.TRUE : null, null);
    }

    public static ProviderResult failed(String provider, String error) {
        return new ProviderResult(provider, null, null, null, null, error);
    }

    /** Whether this entry cost no provider call: it came from the memory. */
    public boolean remembered() {
        return Boolean.TRUE.equals(cached);
    }

    public boolean failed() {
        return error != null;
    }
}
