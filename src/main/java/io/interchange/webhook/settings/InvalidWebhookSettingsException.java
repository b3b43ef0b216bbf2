package io.interchange.webhook.settings;

import java.util.List;

/** {@code webhooks.yaml} cannot be used as it is; the message lists every problem found. */
public class InvalidWebhookSettingsException extends Exception {

    private final List<String> problems;

    public InvalidWebhookSettingsException(String file, List<String> problems) {
        super(file + " is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
