package io.interchange.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.processor.DelegateSyncProcessor;

/**
 * The OpenAPI document, generated once per REST model and per way it is asked for, then answered from
 * memory. The generator's answer depends on the REST definitions and on the request headers listed in
 * {@link #ASKED_BY} (JSON or YAML; the address in {@code servers}); a route reload that changes a
 * {@code rest:} block replaces its definitions, so the cache is emptied whenever the definitions are no
 * longer the same objects, and the next request generates the document again. At most
 * {@link #MAX_ANSWERS} variants are kept (a client can send any {@code Host}), least recently used first out.
 */
public class CachedOpenApiDocument extends DelegateSyncProcessor {

    static final List<String> ASKED_BY = List.of(Exchange.HTTP_PATH, "Accept", "Host", "X-Forwarded-Host",
            "X-Forwarded-Proto", "X-Forwarded-Prefix");
    static final int MAX_ANSWERS = 16;

    private final Supplier<List<?>> restModel;
    private final Map<List<String>, Answer> answers = new LinkedHashMap<>(MAX_ANSWERS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, Answer> eldest) {
            return size() > MAX_ANSWERS;
        }
    };
    private List<?> answeredFrom = List.of();

    public CachedOpenApiDocument(Processor generator, Supplier<List<?>> restModel) {
        super(generator);
        this.restModel = restModel;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        List<?> model = new ArrayList<>(restModel.get());
        List<String> key = new ArrayList<>();
        ASKED_BY.forEach(header -> key.add(exchange.getIn().getHeader(header, String.class)));
        Answer known;
        List<?> basis;
        synchronized (answers) {
            if (!sameObjects(model, answeredFrom)) {
                answers.clear();
                answeredFrom = model;
            }
            basis = answeredFrom;
            known = answers.get(key);
        }
        if (known != null) {
            known.applyTo(exchange.getMessage());
            return;
        }
        Map<String, Object> before = new HashMap<>(exchange.getMessage().getHeaders());
        processor.process(exchange);
        Answer generated = Answer.of(exchange.getMessage(), before);
        if (generated != null) {
            synchronized (answers) {
                // not when a reload replaced the definitions meanwhile: this answer may describe the old ones
                if (answeredFrom == basis) {
                    answers.put(key, generated);
                }
            }
        }
    }

    private static boolean sameObjects(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** What the generator answered: the document and the headers it set (content type, length, CORS). */
    private record Answer(byte[] body, Map<String, Object> headers) {

        /** Null when there is nothing worth keeping (no document: the generator found no REST definitions). */
        static Answer of(Message message, Map<String, Object> before) {
            byte[] body = message.getBody(byte[].class);
            if (body == null) {
                return null;
            }
            Map<String, Object> headers = new HashMap<>();
            message.getHeaders().forEach((name, value) -> {
                if (value != null && !Objects.equals(before.get(name), value)) {
                    headers.put(name, value);
                }
            });
            return new Answer(body, Map.copyOf(headers));
        }

        void applyTo(Message message) {
            headers.forEach(message::setHeader);
            message.setBody(body);
        }
    }
}
