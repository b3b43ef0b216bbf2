package io.interchange.api;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.model.Model;
import org.apache.camel.openapi.OpenApiRestApiProcessorFactory;
import org.apache.camel.spi.RestApiProcessorFactory;
import org.apache.camel.spi.RestConfiguration;

/**
 * Serves {@code /api/openapi.json} from camel-openapi-java's generator through a
 * {@link CachedOpenApiDocument}: Camel generates the document anew on every request when
 * {@code camel.rest.useXForwardHeaders} is on (the document names the address the client used),
 * 1.5–2.2 s for Interchange's operations. Camel's REST API endpoint takes the one
 * {@link RestApiProcessorFactory} bound in the registry, so binding this one is all it takes.
 */
public class CachedOpenApiFactory implements RestApiProcessorFactory {

    private final RestApiProcessorFactory generator;

    public CachedOpenApiFactory() {
        this(new OpenApiRestApiProcessorFactory());
    }

    CachedOpenApiFactory(RestApiProcessorFactory generator) {
        this.generator = generator;
    }

    @Override
    public Processor createApiProcessor(CamelContext context, String contextPath, RestConfiguration configuration,
            Map<String, Object> parameters) throws Exception {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        return new CachedOpenApiDocument(generator.createApiProcessor(context, contextPath, configuration, parameters),
                model::getRestDefinitions);
    }
}
