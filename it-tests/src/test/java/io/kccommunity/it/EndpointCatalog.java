package io.kccommunity.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The extension's HTTP endpoints, found in its sources: every method with a JAX-RS HTTP method annotation. */
final class EndpointCatalog {

    private static final Pattern HANDLER = Pattern.compile(
            "@(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\\b(?:\\s*@[\\w.]+(?:\\([^)]*\\))?)*\\s*public\\s+[\\w<>\\[\\]., ?]+?\\s+(\\w+)\\s*\\(");

    private EndpointCatalog() {
    }

    /** {@code Class.method} of each handler. */
    static Set<String> handlers() {
        Path sources = Path.of(System.getProperty("community.sources", "../providers/src/main/java"));
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String className = file.getFileName().toString().replace(".java", "");
                Matcher handler = HANDLER.matcher(Files.readString(file));
                while (handler.find()) {
                    found.add(className + "." + handler.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the extension's sources at " + sources, e);
        }
        return found;
    }
}
