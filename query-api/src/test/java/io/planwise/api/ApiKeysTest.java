package io.planwise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file: hashes only, strict parsing, scopes per key. */
class ApiKeysTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("keys.yaml");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void keysMapToTheirScenarios() throws IOException {
        ApiKeys keys = ApiKeys.load(file("""
                keys:
                  - name: finance
                    sha256: %s
                    scenarios: [base, alt]
                  - name: admin
                    sha256: %s
                    scenarios: ["*"]
                """.formatted(ApiKeys.sha256Hex("s3cret"), ApiKeys.sha256Hex("root-key").toUpperCase())));
        Caller finance = keys.authenticate("s3cret").orElseThrow();
        assertThat(finance.name()).isEqualTo("finance");
        assertThat(finance.mayRead("base")).isTrue();
        assertThat(finance.mayRead("other")).isFalse();
        assertThat(keys.authenticate("root-key").orElseThrow().mayRead("anything")).isTrue();
        assertThat(keys.authenticate("S3CRET")).isEmpty();
        assertThat(keys.authenticate(ApiKeys.sha256Hex("s3cret"))).as("the hash is not the key").isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate("s".repeat(ApiKeys.MAX_KEY_LENGTH + 1))).isEmpty();
    }

    @Test
    void jsonIsAcceptedToo() throws IOException {
        ApiKeys keys = ApiKeys.load(file("{\"keys\": [{\"name\": \"a\", \"sha256\": \"" + ApiKeys.sha256Hex("k")
                + "\", \"scenarios\": [\"base\"]}]}"));
        assertThat(keys.authenticate("k")).isPresent();
    }

    @Test
    void mistakesStopTheServerInsteadOfChangingAccess() throws IOException {
        String hash = ApiKeys.sha256Hex("k");
        assertThatThrownBy(() -> ApiKeys.load(file("keys: []"))).hasMessageContaining("lists no keys");
        assertThatThrownBy(() -> ApiKeys.load(file("keys:\n  - name: a\n    sha256: abc\n    scenarios: [base]\n")))
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> ApiKeys.load(file("keys:\n  - name: a\n    sha256: " + hash + "\n    scenario: [base]\n")))
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> ApiKeys.load(file("keys:\n  - name: a\n    sha256: " + hash + "\n")))
                .hasMessageContaining("lists no scenarios");
        assertThatThrownBy(() -> ApiKeys.load(file("keys:\n  - name: a\n    sha256: " + hash
                + "\n    scenarios: [../x]\n"))).hasMessageContaining("not a scenario id");
        assertThatThrownBy(() -> ApiKeys.load(file("keys:\n  - name: a\n    sha256: " + hash + "\n    scenarios: [a]\n"
                + "  - name: b\n    sha256: " + hash + "\n    scenarios: [b]\n"))).hasMessageContaining("repeats");
        assertThatThrownBy(() -> ApiKeys.load(dir.resolve("missing.yaml"))).hasMessageContaining("cannot be read");
    }
}
