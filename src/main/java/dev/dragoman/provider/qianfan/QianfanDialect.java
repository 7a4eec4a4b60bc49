package dev.dragoman.provider.qianfan;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

import dev.dragoman.provider.AddressHost;
import dev.dragoman.provider.Dialect;
import dev.dragoman.provider.Engine;
import dev.dragoman.provider.OptionType;
import dev.dragoman.provider.ProviderOption;
import dev.dragoman.provider.ProviderSettings;

/** Baidu Qianfan v2, recognised by its host; its engine keeps the bearer tokens of its instance's AK:SK keys. */
public final class QianfanDialect implements Dialect {

    static final String NAME = "qianfan";

    /** Tests and proxies point it elsewhere. */
    public static final ProviderOption<String> TOKEN_URL = ProviderOption.of("token-url", OptionType.TEXT,
            "the IAM endpoint that turns AK:SK keys into bearer tokens; the tokens are secrets too")
            .withDefault("https://iam.bj.baidubce.com/v1/BCE-BEARER/token").forDialect(NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognises(String url) {
        return AddressHost.of(url).equals("qianfan.baidubce.com");
    }

    @Override
    public List<ProviderOption<?>> options() {
        return List.of(TOKEN_URL);
    }

    @Override
    public Engine engine(ProviderSettings settings) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        return new QianfanFormat(new QianfanTokens(settings.option(TOKEN_URL), Clock.systemUTC(), http,
                settings.timeout()));
    }
}
