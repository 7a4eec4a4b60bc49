package dev.dragoman.translate;

import java.util.List;

/** What every instance made of one text under {@code strategy=compare}, in the order of {@code dragoman.providers}. */
public record Comparison(List<ProviderResult> results) {
}
