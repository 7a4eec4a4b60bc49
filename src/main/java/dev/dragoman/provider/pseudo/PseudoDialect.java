package dev.dragoman.provider.pseudo;

import java.util.Optional;

import dev.dragoman.provider.Dialect;
import dev.dragoman.provider.Engine;
import dev.dragoman.provider.LocalTranslator;
import dev.dragoman.provider.ProviderSettings;

/** The offline pseudo-localiser: needs no address, key or model, so Dragoman runs out of the box. */
public final class PseudoDialect implements Dialect {

    static final String NAME = "pseudo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean remote() {
        return false;
    }

    @Override
    public Optional<String> defaultModel(String url) {
        return Optional.of(NAME);
    }

    @Override
    public Engine engine(ProviderSettings settings) {
        return (LocalTranslator) request -> PseudoLocalizer.localize(request.text());
    }
}
