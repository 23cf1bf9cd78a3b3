package io.planwise.sql;

import io.planwise.testing.MartReader;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runner's lists and the SQL folders agree: every SQL file of the project is executed, each
 * model is in its layer's folder with the layer's prefix, and each file says what it computes and
 * which part of MODEL.md it implements.
 */
class SqlModelsTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void everySqlFileIsRunInItsLayer() throws IOException {
        List<String> listed = new ArrayList<>(SqlModels.MACROS);
        listed.addAll(SqlModels.STAGING);
        listed.add(SqlModels.CENSUS_ISSUES);
        listed.addAll(SqlModels.YEAR);
        listed.addAll(SqlModels.YEAR_MARTS);
        listed.addAll(SqlModels.RUN);
        listed.addAll(SqlModels.TESTS);
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed).as("SQL files the runner executes").containsExactlyInAnyOrderElementsOf(sqlFiles());

        assertThat(SqlModels.STAGING).allMatch(f -> f.startsWith("models/staging/stg_"));
        assertThat(SqlModels.YEAR).allMatch(f -> f.startsWith("models/intermediate/int_"));
        assertThat(SqlModels.RUN).allMatch(f -> f.startsWith("models/intermediate/int_") || f.startsWith("models/marts/"));
        assertThat(SqlModels.TESTS).allMatch(f -> f.startsWith("tests/assert_"));
        List<String> marts = new ArrayList<>(SqlModels.YEAR_MARTS);
        marts.addAll(SqlModels.RUN_MARTS);
        marts.add(SqlModels.CENSUS_ISSUES);
        assertThat(marts.stream().map(SqlModels::tableOf)).containsExactlyInAnyOrderElementsOf(MartReader.ALL);
        assertThat(SqlModels.ACCUMULATED).allMatch(t -> SqlModels.YEAR.contains("models/intermediate/" + t));
    }

    @Test
    void everyFileOpensWithWhatItComputesAndItsModelSection() {
        for (String file : sqlFiles()) {
            String text = SqlModels.text(file);
            assertThat(text.startsWith("-- " + SqlModels.tableOf(file) + ": ")
                    || text.startsWith("-- " + SqlModels.tableOf(file) + " (")).as("%s opens with its name", file).isTrue();
            if (!file.startsWith("macros/")) {
                assertThat(text.lines().takeWhile(l -> l.startsWith("--")).toList()).as("header of " + file)
                        .anyMatch(l -> l.contains("MODEL.md"));
            }
        }
    }

    private static List<String> sqlFiles() {
        List<String> files = new ArrayList<>();
        for (String folder : List.of("macros", "models", "tests")) {
            try (Stream<Path> paths = Files.walk(PROJECT.resolve(folder))) {
                paths.filter(p -> p.toString().endsWith(".sql"))
                        .forEach(p -> files.add(PROJECT.relativize(p).toString().replace('\\', '/').replaceAll("\\.sql$", "")));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return files;
    }
}
