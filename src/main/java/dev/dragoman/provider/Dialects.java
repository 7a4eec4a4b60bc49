package dev.dragoman.provider;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.dragoman.provider.openai.OpenAiDialect;

/** The dialects by their configuration name, and the guess of a dialect from a provider's address. */
public final class Dialects {

    /** The offline pseudo-localiser: no address, no key, no network. */
    public static final String PSEUDO = "pseudo";
    public static final String OPENAI = "openai";

    private static final Map<String, Dialect> BY_NAME = Map.of(OPENAI, new OpenAiDialect());

    private Dialects() {
    }

    public static Optional<Dialect> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Set<String> names() {
        Set<String> names = new TreeSet<>(BY_NAME.keySet());
        names.add(PSEUDO);
        return names;
    }

    /** Every platform without a dialect of its own speaks the OpenAI format. */
    public static String detect(String url) {
        return OPENAI;
    }
}
