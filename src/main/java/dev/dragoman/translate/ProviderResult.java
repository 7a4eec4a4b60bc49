package dev.dragoman.translate;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One instance's entry in a comparison: its translation, or the error that stopped it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderResult(String provider, String model, String translation, Usage usage, String error) {

    public static ProviderResult of(Translation translation) {
        return new ProviderResult(translation.provider(), translation.model(), translation.text(), translation.usage(),
                null);
    }

    public static ProviderResult failed(String provider, String error) {
        return new ProviderResult(provider, null, null, null, error);
    }

    public boolean failed() {
        return error != null;
    }
}
