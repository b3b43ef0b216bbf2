package io.interchange.partner;

import java.util.List;

/** The registry file cannot be used; {@link #problems()} says every reason, each with where it is. */
public class InvalidRegistryException extends RuntimeException {

    private final List<String> problems;

    public InvalidRegistryException(String file, List<String> problems) {
        super("Partner registry " + file + " refused: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
