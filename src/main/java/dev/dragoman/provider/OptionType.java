package dev.dragoman.provider;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.util.TimeUtils;

import dev.dragoman.keys.SpendLimits;

import java.time.Duration;

/**
 * The kind of value an option holds: how its text is read, and how the documentation calls it. A value that does not
 * read stops start-up with one line naming the property and what it must be.
 *
 * @param kind what the documentation and error messages call such a value
 */
public record OptionType<T>(String kind, Function<String, T> reader) {

    public static final OptionType<String> TEXT = new OptionType<>("text", value -> value);
    public static final OptionType<Double> DECIMAL = new OptionType<>("a number", Double::valueOf);
    public static final OptionType<Integer> WHOLE = new OptionType<>("a whole number", Integer::valueOf);
    public static final OptionType<Integer> POSITIVE = new OptionType<>("a whole number of at least 1",
            value -> atLeast(1, Integer.valueOf(value)));
    public static final OptionType<Integer> COUNT = new OptionType<>("a whole number of at least 0",
            value -> atLeast(0, Integer.valueOf(value)));
    public static final OptionType<Boolean> FLAG = new OptionType<>("true or false", OptionType::flag);
    /** As Camel writes durations: {@code 500} (milliseconds), {@code 30s}, {@code 1m30s}. */
    public static final OptionType<Duration> DURATION = new OptionType<>("a duration such as 30s or 1500",
            value -> Duration.ofMillis(TimeUtils.toMilliSeconds(value)));
    /** Items separated by {@code |}, blank ones dropped. */
    public static final OptionType<List<String>> LIST = new OptionType<>("values separated by |",
            value -> split(value, "\\|"));
    public static final OptionType<ObjectNode> JSON_OBJECT = new OptionType<>("a JSON object", OptionType::object);
    /** {@code Name: value | Name2: value} */
    public static final OptionType<Map<String, String>> HEADERS = new OptionType<>("Name: value | Name2: value",
            value -> pairs(value, ':'));
    /** {@code source=target | source2=target2} */
    public static final OptionType<Map<String, String>> PAIRS = new OptionType<>("source=target | source2=target2",
            value -> pairs(value, '='));

    public static final OptionType<ReasoningEffort> REASONING_EFFORT = new OptionType<>("none, low, medium or high",
            value -> ReasoningEffort.valueOf(value.strip().toUpperCase()));
    public static final OptionType<SpendLimits.Period> BUDGET_PERIOD = new OptionType<>("day or month",
            value -> SpendLimits.Period.valueOf(value.strip().toUpperCase()));
    public static final OptionType<ProxyAddress> PROXY = new OptionType<>("an address such as http://host:3128",
            ProxyAddress::parse);

    /** The value of {@code property}, or a {@link ConfigurationException} that names it. */
    public T read(String property, String value) {
        try {
            return reader.apply(value);
        } catch (RuntimeException e) {
            throw new ConfigurationException(property + " must be " + kind + ", not '" + value + "'");
        }
    }

    /** Splits on a separator pattern, items stripped and blank ones dropped. */
    public static List<String> split(String value, String separatorRegex) {
        return Arrays.stream(value.split(separatorRegex)).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static int atLeast(int least, int value) {
        if (value < least) {
            throw new IllegalArgumentException("below " + least);
        }
        return value;
    }

    private static boolean flag(String value) {
        return switch (value.toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a flag");
        };
    }

    private static ObjectNode object(String value) {
        JsonNode node = Json.tryParse(value).orElse(null);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (ObjectNode) node;
    }

    private static Map<String, String> pairs(String value, char separator) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : split(value, "\\|")) {
            int at = pair.indexOf(separator);
            if (at < 1) {
                throw new IllegalArgumentException("not a pair");
            }
            pairs.put(pair.substring(0, at).strip(), pair.substring(at + 1).strip());
        }
        return Collections.unmodifiableMap(pairs);
    }
}
