package dev.dragoman.provider;

import java.util.Optional;

/**
 * One option of a provider instance, {@code dragoman.provider.<name>.<option>}, described once: reading, checking,
 * start-up messages and the documented lists in application.properties and the README all come from here.
 *
 * @param defaultValue the value when none is set, as it would be written in the properties; null for none
 * @param required     whether an instance of a remote dialect must have a value (from its settings, its platform
 *                     preset or its address)
 * @param secret       whether the value is a credential, shown masked wherever it is shown
 * @param dialect      the dialect the option belongs to, or null for options of every dialect
 */
public record ProviderOption<T>(String name, OptionType<T> type, String defaultValue, boolean required,
        boolean secret, String dialect, String description) {

    /** An option every dialect reads, with no default, neither required nor secret. */
    public static <T> ProviderOption<T> of(String name, OptionType<T> type, String description) {
        return new ProviderOption<>(name, type, null, false, false, null, description);
    }

    public ProviderOption<T> withDefault(String value) {
        return new ProviderOption<>(name, type, value, required, secret, dialect, description);
    }

    public ProviderOption<T> asRequired() {
        return new ProviderOption<>(name, type, defaultValue, true, secret, dialect, description);
    }

    public ProviderOption<T> asSecret() {
        return new ProviderOption<>(name, type, defaultValue, required, true, dialect, description);
    }

    /** The same option, read by the named dialect only. */
    public ProviderOption<T> forDialect(String dialectName) {
        return new ProviderOption<>(name, type, defaultValue, required, secret, dialectName, description);
    }

    /** The value set for {@code property}, else the default, else null. */
    public T read(String property, Optional<String> text) {
        return text.or(() -> Optional.ofNullable(defaultValue)).map(value -> type.read(property, value)).orElse(null);
    }
}
