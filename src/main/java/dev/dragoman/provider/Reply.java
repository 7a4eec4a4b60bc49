package dev.dragoman.provider;

import dev.dragoman.translate.DeltaListener;
import dev.dragoman.translate.Usage;

/** What a provider answered: the translation with any reasoning removed, the model that wrote it, its usage. */
public record Reply(String text, String model, Usage usage) {
}
