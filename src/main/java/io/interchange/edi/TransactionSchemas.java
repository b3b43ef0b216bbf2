package io.interchange.edi;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which StAEDI schema validates which transaction set and version. The built-in catalog covers
 * X12 850/855/997 (004010 and 005010), 999 (005010) and EDIFACT ORDERS/ORDRSP D.96A; more can be
 * added with {@link #with}. Schemas are parsed once and shared: StAEDI only reads them.
 */
public final class TransactionSchemas {

    private record Entry(EdiStandard standard, String setId, String versionPrefix, URL location) {
        boolean matches(EdiStandard std, String id, String version) {
            return standard == std && setId.equals(id) && version != null && version.startsWith(versionPrefix);
        }
    }

    private static final TransactionSchemas BUILT_IN = new TransactionSchemas(List.of())
            .with(EdiStandard.X12, "850", "004010", resource("x12/850.xml"))
            .with(EdiStandard.X12, "850", "005010", resource("x12/850.xml"))
            .with(EdiStandard.X12, "855", "004010", resource("x12/855.xml"))
            .with(EdiStandard.X12, "855", "005010", resource("x12/855.xml"))
            .with(EdiStandard.X12, "997", "004010", resource("x12/997.xml"))
            .with(EdiStandard.X12, "997", "005010", resource("x12/997.xml"))
            .with(EdiStandard.X12, "999", "005010", resource("x12/999.xml"))
            .with(EdiStandard.EDIFACT, "ORDERS", "D:96A", resource("edifact/orders-d96a.xml"))
            .with(EdiStandard.EDIFACT, "ORDRSP", "D:96A", resource("edifact/ordrsp-d96a.xml"));

    private final List<Entry> entries;
    private final Map<URL, Schema> loaded = new ConcurrentHashMap<>();

    private TransactionSchemas(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static TransactionSchemas builtIn() {
        return BUILT_IN;
    }

    /**
     * A catalog that also knows {@code setId} for versions starting with {@code versionPrefix}
     * (X12: GS08 such as {@code 004010}; EDIFACT: {@code D:96A}). Later entries win, so a
     * partner-specific schema can replace a built-in one. Relative includes resolve against
     * the schema's own location.
     */
    public TransactionSchemas with(EdiStandard standard, String setId, String versionPrefix, URL location) {
        List<Entry> more = new ArrayList<>(entries);
        more.add(0, new Entry(standard, setId, versionPrefix, location));
        return new TransactionSchemas(more);
    }

    public Optional<Schema> find(EdiStandard standard, String setId, String version) {
        return entries.stream()
                .filter(e -> e.matches(standard, setId, version))
                .findFirst()
                .map(e -> loaded.computeIfAbsent(e.location(), TransactionSchemas::load));
    }

    public Schema require(EdiStandard standard, String setId, String version) {
        return find(standard, setId, version).orElseThrow(() -> new EdiException(
                "No schema for " + standard + " " + setId + " version " + version));
    }

    private static URL resource(String path) {
        URL url = TransactionSchemas.class.getResource("/edi/" + path);
        if (url == null) {
            throw new IllegalStateException("EDI schema /edi/" + path + " is missing from the classpath");
        }
        return url;
    }

    private static Schema load(URL location) {
        try {
            SchemaFactory factory = SchemaFactory.newFactory();
            String external = location.toExternalForm();
            factory.setProperty(SchemaFactory.SCHEMA_LOCATION_URL_CONTEXT,
                    new URL(external.substring(0, external.lastIndexOf('/') + 1)));
            return factory.createSchema(location);
        } catch (EDISchemaException | MalformedURLException e) {
            throw new EdiException("Cannot load EDI schema " + location, e);
        }
    }
}
