package dev.dragoman.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.MaskedUrl;
import dev.dragoman.keys.Secrets;
import dev.dragoman.provider.ConfigurationException;
import dev.dragoman.provider.Dialect;
import dev.dragoman.provider.Dialects;
import dev.dragoman.provider.Platforms;
import dev.dragoman.provider.Platforms.Preset;
import dev.dragoman.provider.ProviderOption;
import dev.dragoman.provider.ProviderOptions;
import dev.dragoman.provider.ProviderSettings;
import dev.dragoman.provider.ProxyAddress;

import static dev.dragoman.provider.ProviderOptions.BATCH_CHARS;
import static dev.dragoman.provider.ProviderOptions.BUDGET;
import static dev.dragoman.provider.ProviderOptions.BUDGET_PERIOD;
import static dev.dragoman.provider.ProviderOptions.BATCH_LINES;
import static dev.dragoman.provider.ProviderOptions.CHECKS;
import static dev.dragoman.provider.ProviderOptions.CONCURRENCY;
import static dev.dragoman.provider.ProviderOptions.CONTEXT;
import static dev.dragoman.provider.ProviderOptions.DIALECT;
import static dev.dragoman.provider.ProviderOptions.EXTRA_BODY;
import static dev.dragoman.provider.ProviderOptions.EXTRA_HEADERS;
import static dev.dragoman.provider.ProviderOptions.FREQUENCY_PENALTY;
import static dev.dragoman.provider.ProviderOptions.KEYS;
import static dev.dragoman.provider.ProviderOptions.TOKENS_PER_DAY;
import static dev.dragoman.provider.ProviderOptions.TPM;
import static dev.dragoman.provider.ProviderOptions.MAX_REPLY;
import static dev.dragoman.provider.ProviderOptions.MAX_TOKENS;
import static dev.dragoman.provider.ProviderOptions.MODEL;
import static dev.dragoman.provider.ProviderOptions.PLATFORM;
import static dev.dragoman.provider.ProviderOptions.PREFILL;
import static dev.dragoman.provider.ProviderOptions.PRESENCE_PENALTY;
import static dev.dragoman.provider.ProviderOptions.PRICE_COMPLETION;
import static dev.dragoman.provider.ProviderOptions.PRICE_PROMPT;
import static dev.dragoman.provider.ProviderOptions.PROXY;
import static dev.dragoman.provider.ProviderOptions.REASONING_EFFORT;
import static dev.dragoman.provider.ProviderOptions.RPM;
import static dev.dragoman.provider.ProviderOptions.STOP;
import static dev.dragoman.provider.ProviderOptions.STREAM;
import static dev.dragoman.provider.ProviderOptions.SYSTEM_PROMPT;
import static dev.dragoman.provider.ProviderOptions.TEMPERATURE;
import static dev.dragoman.provider.ProviderOptions.TIMEOUT;
import static dev.dragoman.provider.ProviderOptions.TOP_K;
import static dev.dragoman.provider.ProviderOptions.TOP_P;
import static dev.dragoman.provider.ProviderOptions.URL;
import static dev.dragoman.provider.ProviderOptions.USER_PROMPT;

/**
 * Reads and checks {@code dragoman.provider.<name>.*} by the options' descriptors: a value that does not read, or a
 * required one that is missing, stops start-up with one line naming the property; a property that is no option of
 * the instance's dialect (a typo, another dialect's option) is reported and ignored.
 */
final class ProviderSettingsReader {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSettingsReader.class);

    private static final int GLANCE = 60;

    private final PropertySource properties;
    private final Set<String> configured;

    /** @param configured the property names set in the configuration files, to spot the ones no option reads */
    ProviderSettingsReader(PropertySource properties, Set<String> configured) {
        this.properties = properties;
        this.configured = configured;
    }

    ProviderSettings read(String name) {
        Instance instance = new Instance(name);
        Optional<Preset> preset = instance.text(PLATFORM).map(platform -> Platforms.byName(platform).orElseThrow(() ->
                new ConfigurationException(instance.property(PLATFORM) + ": unknown platform '" + platform
                        + "' (known: " + String.join(", ", Platforms.all().keySet()) + ")")));
        Optional<String> url = instance.text(URL).or(() -> preset.map(Preset::url));
        Dialect dialect = instance.text(DIALECT).or(() -> preset.map(Preset::dialect))
                .map(dialectName -> Dialects.byName(dialectName).orElseThrow(() -> new ConfigurationException(
                        instance.property(DIALECT) + ": unknown dialect '" + dialectName + "' (known: "
                                + String.join(", ", Dialects.names()) + ")")))
                .orElseGet(() -> Dialects.detect(instance.require(URL, url, preset)));
        String address = dialect.remote() ? instance.require(URL, url, preset) : url.orElse(null);
        MaskedUrl.credentials(address).forEach(Secrets::register);
        if (MaskedUrl.hasUserInfo(address)) {
            // HttpClient refuses such a request before it is sent, a failure that would look transient on every call
            throw new ConfigurationException(instance.property(URL) + " has credentials before its host"
                    + " (user:password@), where no request can carry them: put the provider's key in keys, and a"
                    + " relay's Basic credentials in extra-headers (Authorization: Basic <base64 of user:password>)");
        }
        String model = instance.require(MODEL, instance.text(MODEL).or(() -> preset.map(Preset::model))
                .or(() -> dialect.defaultModel(address)), preset);
        List<ApiKey> keys = dialect.remote() ? instance.require(KEYS, Optional.ofNullable(instance.value(KEYS))
                .filter(list -> !list.isEmpty()), preset).stream().map(ApiKey::new).toList() : List.of();
        ProxyAddress proxy = instance.value(PROXY);
        if (proxy != null && proxy.password() != null) {
            Secrets.register(proxy.password());
        }
        warnUnread(instance, dialect);
        Map<String, Object> own = new LinkedHashMap<>();
        dialect.options().forEach(option -> own.put(option.name(), instance.value(option)));
        // read by the instance's route rather than its dialect, so kept with the dialect's own options; an instance
        // that takes context sends each text alone, after the texts before it (LunaTranslator's way), and a dialect
        // that sends the raw text alone cannot batch
        boolean alone = !dialect.batches() || instance.value(CONTEXT) > 0;
        own.put(BATCH_LINES.name(), alone ? 1 : instance.value(BATCH_LINES));
        own.put(BATCH_CHARS.name(), instance.value(BATCH_CHARS));
        // read by the instance's meters
        own.put(PRICE_PROMPT.name(), instance.value(PRICE_PROMPT));
        own.put(PRICE_COMPLETION.name(), instance.value(PRICE_COMPLETION));
        // read by the instance's budget and key lanes
        own.put(TPM.name(), instance.value(TPM));
        own.put(BUDGET.name(), instance.value(BUDGET));
        own.put(BUDGET_PERIOD.name(), instance.value(BUDGET_PERIOD));
        own.put(TOKENS_PER_DAY.name(), instance.value(TOKENS_PER_DAY));
        // read by the instance's key lanes and batches
        own.put(CHECKS.name(), instance.value(CHECKS));
        LOG.info("provider {}: dialect {}, model {}, {} key(s); set: {}", name, dialect.name(), model, keys.size(),
                instance.describeSet(dialect));
        return new ProviderSettings(name, dialect.name(), address, keys, model,
                instance.value(SYSTEM_PROMPT), instance.value(USER_PROMPT), instance.value(CONTEXT),
                instance.value(PREFILL), instance.value(REASONING_EFFORT), instance.value(TEMPERATURE),
                instance.value(TOP_P), instance.value(TOP_K), instance.value(MAX_TOKENS), instance.value(STOP),
                instance.value(PRESENCE_PENALTY), instance.value(FREQUENCY_PENALTY), instance.value(STREAM),
                instance.value(EXTRA_BODY), Optional.ofNullable(instance.value(EXTRA_HEADERS)).orElse(Map.of()),
                proxy, instance.value(TIMEOUT), instance.value(CONCURRENCY), instance.value(RPM),
                preset.map(Preset::name).orElse(null), instance.value(MAX_REPLY), own);
    }

    /** Reports properties of this instance that its dialect does not read; they would be silently ignored. */
    private void warnUnread(Instance instance, Dialect dialect) {
        Map<String, ProviderOption<?>> known = Dialects.options().stream()
                .collect(Collectors.toMap(ProviderOption::name, option -> option));
        for (String property : configured) {
            if (!property.startsWith(instance.prefix)) {
                continue;
            }
            ProviderOption<?> option = known.get(property.substring(instance.prefix.length()));
            if (option == null) {
                LOG.warn("{} is not a provider option and is ignored (options: {})", property,
                        String.join(", ", known.keySet()));
            } else if (option.dialect() != null && !option.dialect().equals(dialect.name())) {
                LOG.warn("{} applies to dialect {} only and is ignored: this instance speaks {}", property,
                        option.dialect(), dialect.name());
            }
        }
    }

    private static String glance(String value) {
        String line = value.replace("\r", "\\r").replace("\n", "\\n");
        return line.length() > GLANCE ? line.substring(0, GLANCE) + "…" : line;
    }

    /** The options of one instance, {@code dragoman.provider.<name>.<option>}. */
    private final class Instance {

        private final String prefix;

        Instance(String name) {
            this.prefix = "dragoman.provider." + name + ".";
        }

        String property(ProviderOption<?> option) {
            return prefix + option.name();
        }

        Optional<String> text(ProviderOption<String> option) {
            return Optional.ofNullable(value(option));
        }

        <T> T value(ProviderOption<T> option) {
            return option.read(property(option), properties.text(property(option)));
        }

        /**
         * The options set for this instance, as a start-up line may show them: secrets by name only, an address
         * without its user-info and query, which may hold credentials too, and no value longer than a glance.
         */
        String describeSet(Dialect dialect) {
            return Stream.concat(ProviderOptions.ALL.stream(), dialect.options().stream())
                    .flatMap(option -> properties.text(property(option)).map(text -> option.name() + "="
                            + (option.secret() ? "(secret)"
                                    : glance(option == URL || option == PROXY ? MaskedUrl.of(text) : text))).stream())
                    .collect(Collectors.joining(", "));
        }

        /** The value of a required option, wherever it came from, or the error that names it. */
        <T> T require(ProviderOption<?> option, Optional<T> value, Optional<Preset> preset) {
            return value.orElseThrow(() -> new ConfigurationException(property(option) + " is missing"
                    + preset.map(p -> " (platform " + p.name() + " has no default for it)").orElse("")));
        }
    }
}
