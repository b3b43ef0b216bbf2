package io.interchange.api;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Serves a canonical schema file by name; only plain {@code *.schema.json} names, nothing else on disk. */
public class SchemaDocument implements Processor {

    private final Path directory;

    public SchemaDocument(Path directory) {
        this.directory = directory;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String name = exchange.getMessage().getHeader("name", "", String.class);
        Path file = directory.resolve(name);
        if (!name.matches("[a-z0-9-]+\\.schema\\.json") || !Files.isRegularFile(file)) {
            throw new ProblemException(Problem.of(404, "unknown-schema", "Unknown Schema", "No schema named '" + name + "'."));
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/schema+json");
        exchange.getMessage().setBody(Files.readAllBytes(file));
    }
}
