package io.interchange.ops.reload;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.schibsted.spt.data.jslt.Function;
import com.schibsted.spt.data.jslt.Parser;
import io.interchange.canonical.MetaSchema;
import io.interchange.model.CanonicalJson;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jslt.JsltComponent;
import org.apache.camel.support.ResourceHelper;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Checks a mapping file before it is put to use: a JSLT template must compile (with the functions the
 * running {@code jslt} component offers), a JSON file must parse and a {@code *.schema.json} must be a
 * valid JSON Schema 2020-12, a YAML file (partner registry, webhook sources) must parse. Other files
 * are taken as they are. Semantic checks of a registry stay with its owner, which reloads it itself.
 */
public class MappingValidator {

    private final CamelContext live;

    public MappingValidator(CamelContext live) {
        this.live = live;
    }

    public Optional<Refusal> check(String file, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        try {
            if (file.endsWith(".jslt")) {
                Parser.compile(file, new StringReader(text), functions());
            } else if (file.endsWith(".json")) {
                JsonNode document = CanonicalJson.mapper().readTree(text);
                if (file.endsWith(".schema.json")) {
                    List<String> problems = MetaSchema.violations(document);
                    if (!problems.isEmpty()) {
                        return Optional.of(new Refusal(file, 0, "not a valid JSON Schema 2020-12: "
                                + String.join("; ", problems), null, Instant.now()));
                    }
                }
            } else if (file.endsWith(".yaml") || file.endsWith(".yml")) {
                new Load(LoadSettings.builder().setLabel(file).build()).loadAllFromString(text).forEach(document -> { });
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(new Refusal(file, ProblemLine.of(e, text), ProblemLine.reason(e), null, Instant.now()));
        }
    }

    /** Why the template at {@code location} (a Camel resource URI) does not compile; empty when it does. */
    public Optional<String> checkTemplate(String location) {
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(live, location)) {
            Parser.compile(location, new InputStreamReader(in, StandardCharsets.UTF_8), functions());
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(ProblemLine.reason(e));
        }
    }

    private Collection<Function> functions() {
        JsltComponent jslt = live.getComponent("jslt", JsltComponent.class);
        return jslt == null || jslt.getFunctions() == null ? List.of() : jslt.getFunctions();
    }
}
