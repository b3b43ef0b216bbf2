package io.interchange.edi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Sample files copied from shared/samples into test resources, so a clean clone can run the tests. */
final class Samples {

    private Samples() {
    }

    static InputStream open(String path) {
        InputStream in = Samples.class.getResourceAsStream("/edi/" + path);
        if (in == null) {
            throw new IllegalArgumentException("no sample " + path);
        }
        return in;
    }

    static Collected read(String path) {
        return read(new EdiInterchangeReader(), path);
    }

    static Collected read(EdiInterchangeReader reader, String path) {
        Collected collected = new Collected();
        try (InputStream in = open(path)) {
            collected.summary = reader.read(in, collected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return collected;
    }
}
