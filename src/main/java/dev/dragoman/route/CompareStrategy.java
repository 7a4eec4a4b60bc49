package dev.dragoman.route;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.translate.Comparison;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.ProviderResult;
import dev.dragoman.translate.Translation;
import dev.dragoman.translate.TranslationFailedException;

/**
 * Gathers the multicast of {@code strategy=compare}: one {@link ProviderResult} per instance, a failed instance as its
 * error. Only when every instance failed is the text itself failed.
 */
final class CompareStrategy implements AggregationStrategy {

    private final List<ProviderInstance> providers;

    CompareStrategy(List<ProviderInstance> providers) {
        this.providers = providers;
    }

    @Override
    public Exchange aggregate(Exchange gathered, Exchange branch) {
        Exchange result = gathered == null ? branch : gathered;
        @SuppressWarnings("unchecked")
        List<ProviderResult> results = result.getProperty(ExchangeKeys.COMPARE_RESULTS, List.class);
        if (results == null) {
            results = new ArrayList<>();
            result.setProperty(ExchangeKeys.COMPARE_RESULTS, results);
        }
        Exception failure = branch.getException();
        if (failure == null) {
            results.add(ProviderResult.of(branch.getMessage().getBody(Translation.class)));
        } else {
            String provider = providers.get(branch.getProperty(Exchange.MULTICAST_INDEX, Integer.class)).name();
            // the same "<provider>: <reason>" text a failed translation reports everywhere else
            results.add(ProviderResult.failed(provider, branch.getProperty(ExchangeKeys.FAILURE,
                    provider + ": " + failure.getMessage(), String.class)));
            if (Retryable.of(failure)) {
                result.setProperty(ExchangeKeys.COMPARE_RETRYABLE, true);
            }
            branch.setException(null);
        }
        return result;
    }

    @Override
    public void onCompletion(Exchange result) {
        @SuppressWarnings("unchecked")
        List<ProviderResult> results = result.removeProperty(ExchangeKeys.COMPARE_RESULTS) instanceof List<?> list
                ? (List<ProviderResult>) list : List.of();
        boolean retryable = result.removeProperty(ExchangeKeys.COMPARE_RETRYABLE) != null;
        if (!results.isEmpty() && results.stream().allMatch(ProviderResult::failed)) {
            result.setException(new TranslationFailedException("every provider failed: " + String.join("; ",
                    results.stream().map(ProviderResult::error).toList()), null, retryable));
        } else {
            result.getMessage().setBody(new Comparison(List.copyOf(results)));
        }
    }
}
