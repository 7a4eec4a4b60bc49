package dev.dragoman.provider.azure;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dragoman.provider.openai.OpenAiAddress;

/**
 * Azure OpenAI's two address styles (https://learn.microsoft.com/en-us/azure/ai-services/openai/reference): the
 * deployments address
 * {@code https://{resource}.openai.azure.com/openai/deployments/{deployment}[/chat/completions]?api-version=…}, whose
 * {@code api-version} is used exactly as given, and the v1 address
 * {@code https://{resource}.openai.azure.com/openai/v1} (a bare resource address gets {@code /openai/v1}).
 */
public final class AzureAddress {

    private static final Pattern DEPLOYMENT = Pattern.compile("/openai/deployments/([^/?#]+)");
    private static final String CHAT = "/chat/completions";

    private AzureAddress() {
    }

    public static boolean isAzure(String url) {
        return url != null && (url.contains(".openai.azure.com") || DEPLOYMENT.matcher(url).find());
    }

    public static String chatCompletions(String url) {
        String trimmed = url.strip();
        int question = trimmed.indexOf('?');
        String path = stripSlashes(question < 0 ? trimmed : trimmed.substring(0, question));
        String query = question < 0 ? "" : trimmed.substring(question);
        if (DEPLOYMENT.matcher(path).find()) {
            return (path.endsWith(CHAT) ? path : path + CHAT) + query;
        }
        return OpenAiAddress.chatCompletions(v1(path) + query);
    }

    /** The v1 model list of the resource; the deployments list is a control-plane call and not reachable here. */
    public static String models(String url) {
        String path = stripSlashes(url.strip().replaceFirst("[?#].*$", ""));
        Matcher deployment = DEPLOYMENT.matcher(path);
        String resource = deployment.find() ? path.substring(0, deployment.start()) : path;
        return OpenAiAddress.models(v1(resource));
    }

    /** The deployment the address names, which is the model on the deployments style. */
    public static Optional<String> deployment(String url) {
        Matcher matcher = DEPLOYMENT.matcher(url == null ? "" : url);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String v1(String path) {
        if (path.contains("/openai/v1")) {
            return path;
        }
        return path.endsWith("/openai") ? path + "/v1" : path + "/openai/v1";
    }

    private static String stripSlashes(String path) {
        String result = path;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
