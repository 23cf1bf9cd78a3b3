package io.planwise.model.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one YAML document into {@link YamlNode}s with line numbers. Jackson's streaming parser is
 * used instead of its tree model because the tree model forgets where a value was and turns
 * {@code 0.1} into a double; here every scalar keeps its text and line.
 */
final class YamlDocumentReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String source;
    private final YAMLParser parser;

    private YamlDocumentReader(String source, YAMLParser parser) {
        this.source = source;
        this.parser = parser;
    }

    /** The document's top-level mapping; an empty document is an empty mapping. */
    static YamlNode.Mapping read(String yamlText, String source) {
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(yamlText)) {
            YamlDocumentReader reader = new YamlDocumentReader(source, parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return YamlNode.Mapping.empty(1);
            }
            YamlNode root = reader.readValue(first);
            if (parser.nextToken() != null) {
                throw new ConfigException(source, line(parser.currentTokenLocation()),
                        "malformed YAML at line " + line(parser.currentTokenLocation())
                                + ": expected one document, found another", null);
            }
            if (root instanceof YamlNode.Mapping mapping) {
                return mapping;
            }
            if (root instanceof YamlNode.Scalar scalar && scalar.isNull()) {
                return YamlNode.Mapping.empty(1);
            }
            throw new ConfigException(source, root.line(),
                    "the top level must be a mapping of keys (line " + root.line() + ")", null);
        } catch (JsonProcessingException e) {
            int line = line(e.getLocation());
            String where = line > 0 ? " at line " + line + ", column " + e.getLocation().getColumnNr() : "";
            throw new ConfigException(source, line, "malformed YAML" + where + ": " + problem(e), e);
        } catch (IOException e) {
            throw new ConfigException(source, 0, "cannot read YAML: " + e.getMessage(), e);
        }
    }

    private YamlNode readValue(JsonToken token) throws IOException {
        int line = line(parser.currentTokenLocation());
        if (parser.isCurrentAlias()) {
            // Jackson loses the anchors of scalars, so an alias cannot be resolved reliably; say so
            // rather than read the alias name as the value.
            throw new ConfigException(source, line, "YAML aliases are not supported: *" + parser.getText()
                    + " at line " + line + "; write the value itself", null);
        }
        return switch (token) {
            case START_OBJECT -> readMapping(line);
            case START_ARRAY -> readSequence(line);
            case VALUE_NULL -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarKind.NULL, line);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarKind.BOOLEAN, line);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    new YamlNode.Scalar(parser.getText(), YamlNode.ScalarKind.NUMBER, line);
            default -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarKind.TEXT, line);
        };
    }

    private YamlNode.Mapping readMapping(int line) throws IOException {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            int keyLine = line(parser.currentTokenLocation());
            YamlNode value = readValue(parser.nextToken());
            Integer earlier = keyLines.putIfAbsent(key, keyLine);
            if (earlier != null) {
                // PyYAML keeps the last duplicate silently; a config that says two things is an error here.
                throw new ConfigException(source, keyLine, "malformed YAML at line " + keyLine
                        + ": duplicate key '" + key + "' (first on line " + earlier + ")", null);
            }
            entries.put(key, value);
        }
        return new YamlNode.Mapping(Collections.unmodifiableMap(entries), Map.copyOf(keyLines), line);
    }

    private YamlNode.Sequence readSequence(int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(readValue(token));
        }
        return new YamlNode.Sequence(List.copyOf(items), line);
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    /**
     * SnakeYAML's messages span several lines with a source excerpt and a caret; keep only the
     * sentences so the error stays on one line (the line number is reported separately).
     */
    private static String problem(JsonProcessingException e) {
        String text = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String sentences = text.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("in '"))
                .collect(Collectors.joining("; "));
        return sentences.isEmpty() ? text.strip() : sentences;
    }
}
