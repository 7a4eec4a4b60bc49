package dev.dragoman.provider;

/** What a provider answered: the translation with any reasoning removed, the model that wrote it, its usage. */
public record Reply(String text, String model, Usage usage) {
}
