package io.planwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every {@code curl} line of the README's endpoint examples, sent as written against a server over
 * the warehouse {@code planwise demo} publishes: a new user's first try after the quick start must
 * never be a 404. The README is the input; only {@code $API}, {@code $K} and {@code <run_id>} are
 * filled in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeExamplesTest {

    private static final String BLOCK_START = "K=\"X-API-Key: $PLANWISE_KEY\"; API=";

    private RunningServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() {
        server = RunningServer.withoutKeys(TestWarehouse.demo());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** One curl command: its headers, URL and whether it asks for HEAD. */
    private record Example(String line, List<String[]> headers, String url, boolean head) {}

    @Test
    void everyEndpointExampleAnswersAgainstTheDemoWarehouse() throws Exception {
        String runId = server.client.get("/api/v1/scenarios/default/summary").header("ETag").replace("\"", "");
        List<Example> examples = examples(runId);
        assertThat(examples).as("curl lines in the README's endpoint block").hasSizeGreaterThan(20);
        for (Example e : examples) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(e.url())).timeout(Duration.ofSeconds(30))
                    .method(e.head() ? "HEAD" : "GET", HttpRequest.BodyPublishers.noBody());
            for (String[] h : e.headers()) {
                request.header(h[0], h[1]);
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int expected = e.line().contains("If-None-Match") ? 304 : 200;
            assertThat(r.statusCode()).as(e.line() + " -> " + r.body()).isEqualTo(expected);
        }
    }

    private List<Example> examples(String runId) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("planwise.root", "..")).resolve("README.md"));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(BLOCK_START)) {
                start = i;
            }
        }
        assertThat(start).as("the README's endpoint block starts with " + BLOCK_START).isNotNegative();
        String base = "http://127.0.0.1:" + server.server.port();
        List<Example> examples = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        for (int i = start + 1; !lines.get(i).startsWith("```"); i++) {
            String line = lines.get(i);
            command.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line);
            if (line.endsWith("\\")) {
                continue;
            }
            String text = command.toString().replace("<run_id>", runId);
            command.setLength(0);
            if (text.startsWith("curl ")) {
                examples.add(parse(text, base));
            }
        }
        return examples;
    }

    /** The curl words this README uses: -s, -i, -I, -o FILE, -H 'header', and one URL. */
    private static Example parse(String line, String base) {
        List<String> words = words(line.replaceAll("\\s+#.*$", ""));
        List<String[]> headers = new ArrayList<>();
        String url = null;
        boolean head = false;
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "-s", "-i" -> { }
                case "-I" -> head = true;
                case "-o" -> i++;
                case "-H" -> {
                    String h = words.get(++i).replace("$K", "X-API-Key: not-needed-with-no-auth");
                    int colon = h.indexOf(':');
                    headers.add(new String[] {h.substring(0, colon).trim(), h.substring(colon + 1).trim()});
                }
                default -> {
                    assertThat(w).as("an option the test does not know: " + line).doesNotStartWith("-");
                    url = w.replace("$API", base);
                }
            }
        }
        assertThat(url).as(line).isNotNull();
        return new Example(line, headers, url, head);
    }

    /** Shell words: double and single quotes grouped, $K kept for the header substitution. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }
}
