package dev.dragoman.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.translate.BatchTranslation;
import dev.dragoman.translate.Comparison;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.ProviderResult;
import dev.dragoman.translate.Translation;
import dev.dragoman.translate.TranslationBatch;
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
        List<Branch> results = result.getProperty(ExchangeKeys.COMPARE_RESULTS, List.class);
        if (results == null) {
            results = new ArrayList<>();
            result.setProperty(ExchangeKeys.COMPARE_RESULTS, results);
        }
        Exception failure = branch.getException();
        String provider = providers.get(branch.getProperty(Exchange.MULTICAST_INDEX, Integer.class)).name();
        if (failure == null) {
            results.add(branch.getMessage().getBody() instanceof BatchTranslation batch
                    ? new Branch(provider, true, batch.segments(), null)
                    : new Branch(provider, false, List.of(branch.getMessage().getBody(Translation.class)), null));
        } else {
            // the same "<provider>: <reason>" text a failed translation reports everywhere else
            results.add(new Branch(provider, branch.getMessage().getBody() instanceof TranslationBatch, null,
                    branch.getProperty(ExchangeKeys.FAILURE,
                    provider + ": " + failure.getMessage(), String.class)));
            if (Retryable.of(failure)) {
                result.setProperty(ExchangeKeys.COMPARE_RETRYABLE, true);
            }
            branch.setException(null);
        }
        return result;
    }

    /**
     * One instance's answer: its translation (a batch: one entry per segment, a {@link Translation} or the segment's
     * {@link TranslationFailedException}), or the error that failed it as a whole.
     */
    private record Branch(String provider, boolean batch, List<Object> segments, String error) {

        ProviderResult result(int segment) {
            if (error != null) {
                return ProviderResult.failed(provider, error);
            }
            Object translated = segments.get(segment);
            return translated instanceof Translation translation ? ProviderResult.of(translation)
                    : ProviderResult.failed(provider, ((Exception) translated).getMessage());
        }
    }

    @Override
    public void onCompletion(Exchange result) {
        @SuppressWarnings("unchecked")
        List<Branch> branches = result.removeProperty(ExchangeKeys.COMPARE_RESULTS) instanceof List<?> list
                ? (List<Branch>) list : List.of();
        boolean retryable = result.removeProperty(ExchangeKeys.COMPARE_RETRYABLE) != null;
        Optional<Integer> answered = branches.stream().filter(branch -> branch.segments() != null)
                .map(branch -> branch.segments().size()).findFirst();
        if (answered.isEmpty()) {
            result.setException(every(branches.stream().map(branch -> branch.result(0)).toList(), retryable));
            return;
        }
        List<Object> segments = new ArrayList<>();
        for (int segment = 0; segment < answered.get(); segment++) {
            int i = segment;
            List<ProviderResult> results = branches.stream().map(branch -> branch.result(i)).toList();
            segments.add(results.stream().allMatch(ProviderResult::failed) ? every(results, retryable)
                    : new Comparison(results));
        }
        if (branches.stream().anyMatch(Branch::batch)) {
            result.getMessage().setBody(new BatchTranslation(segments));
        } else if (segments.get(0) instanceof TranslationFailedException failure) {
            result.setException(failure);
        } else {
            result.getMessage().setBody(segments.get(0));
        }
    }

    private static TranslationFailedException every(List<ProviderResult> results, boolean retryable) {
        return new TranslationFailedException("every provider failed: " + String.join("; ",
                results.stream().map(ProviderResult::error).toList()), null, retryable);
    }
}
