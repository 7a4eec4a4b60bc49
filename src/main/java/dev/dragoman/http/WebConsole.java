package dev.dragoman.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.camel.Exchange;

/**
 * The web console's files ({@code GET /} and {@code GET /console/<file>}), read once from
 * {@code dragoman/console/} on the class path. The page loads without a token ({@link HttpGuard} lets exactly these
 * paths through) and asks for one when the API answers 401. Its Content-Security-Policy allows nothing but
 * Dragoman's own scripts, styles and API, so the page works, and can only work, without any other host. Bound as
 * {@code webConsole}.
 */
public class WebConsole {

    static final String PAGE = "/";
    static final String FILES = "/console/";

    /** Scripts, styles and requests from Dragoman's own origin only; no inline code, no frames, no plug-ins. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    private record File(byte[] content, String type) {
    }

    private final File page = read("index.html", "text/html; charset=utf-8");
    private final Map<String, File> files = Map.of(
            "console.js", read("console.js", "text/javascript; charset=utf-8"),
            "console.css", read("console.css", "text/css; charset=utf-8"));

    /** Whether {@code path} is one of the console's files, which need no token. */
    static boolean serves(String path) {
        return path.equals(PAGE) || path.startsWith(FILES);
    }

    /** {@code GET /}: the page. */
    public void page(Exchange exchange) {
        answer(exchange, page);
    }

    /** {@code GET /console/{file}}: a script or style sheet of the page, or 404. */
    public void file(Exchange exchange) throws NotFoundException {
        File file = files.get(exchange.getMessage().getHeader("file", String.class));
        if (file == null) {
            throw new NotFoundException("the console has no such file");
        }
        answer(exchange, file);
    }

    private static void answer(Exchange exchange, File file) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, file.type());
        exchange.getMessage().setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getMessage().setHeader("X-Content-Type-Options", "nosniff");
        exchange.getMessage().setHeader("Referrer-Policy", "no-referrer");
        exchange.getMessage().setHeader("Cache-Control", "no-cache");
        exchange.getMessage().setBody(file.content());
    }

    private static File read(String name, String type) {
        try (InputStream in = WebConsole.class.getResourceAsStream("/dragoman/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("dragoman/console/" + name + " is missing from the class path");
            }
            return new File(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
