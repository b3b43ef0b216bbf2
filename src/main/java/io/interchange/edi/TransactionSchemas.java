package io.interchange.edi;

import io.interchange.edi.schema.SchemaGenerator;
import io.interchange.edi.schema.SchemaSource;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which StAEDI schema validates which transaction set and version. The built-in catalog is
 * generated from the compact sources under {@code edi/source/} ({@link SchemaSource},
 * {@link SchemaGenerator}) the first time a set and version is asked for:
 * <ul>
 *   <li>X12 850 and 997 for every version in {@link #X12_VERSIONS} (GS08 suffixes such as
 *       {@code 004010VICS} or {@code 004010UCS} match their version), 999 for 005010, and the
 *       855 Interchange writes for 004010 and 005010;</li>
 *   <li>EDIFACT ORDERS for every directory in {@link #EDIFACT_DIRECTORIES} (with or without an
 *       association code such as EANCOM {@code EAN008}) and the ORDRSP Interchange writes for D.96A.</li>
 * </ul>
 * More can be added with {@link #with}. Schemas are built once and shared: StAEDI only reads them.
 */
public final class TransactionSchemas {

    public static final List<String> X12_VERSIONS = List.of("003010", "003020", "003030", "003040", "003050",
            "003060", "003070", "004010", "004020", "004030", "004040", "004050", "004060", "005010");
    public static final List<String> EDIFACT_DIRECTORIES = List.of("D93A", "D96A", "D96B", "D97A", "D99B", "D01B",
            "D03B");

    /** Which built-in message table answers a set, and for which versions. */
    private record Generated(EdiStandard standard, String setId, String table, Set<String> versions) {
    }

    private static final List<Generated> GENERATED = List.of(
            new Generated(EdiStandard.X12, "850", "850", Set.copyOf(X12_VERSIONS)),
            new Generated(EdiStandard.X12, "997", "997", Set.copyOf(X12_VERSIONS)),
            new Generated(EdiStandard.X12, "999", "999", Set.of("005010")),
            new Generated(EdiStandard.X12, "855", "855", Set.of("004010", "005010")),
            new Generated(EdiStandard.EDIFACT, "ORDERS", "orders", Set.copyOf(EDIFACT_DIRECTORIES)),
            new Generated(EdiStandard.EDIFACT, "ORDRSP", "ordrsp", Set.of("D96A")));

    private record Entry(EdiStandard standard, String setId, String versionPrefix, URL location) {
        boolean matches(EdiStandard std, String id, String version) {
            return standard == std && setId.equals(id) && version != null && version.startsWith(versionPrefix);
        }
    }

    private static final Map<EdiStandard, SchemaGenerator> GENERATORS = Map.of(
            EdiStandard.X12, new SchemaGenerator(SchemaSource.load("x12")),
            EdiStandard.EDIFACT, new SchemaGenerator(SchemaSource.load("edifact")));
    private static final Map<String, Schema> GENERATED_SCHEMAS = new ConcurrentHashMap<>();
    private static final TransactionSchemas BUILT_IN = new TransactionSchemas(List.of());

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
     * (X12: GS08 such as {@code 004010}; EDIFACT: {@code D:96A}) from a StAEDI schema file. Later
     * entries win, and entries win over the generated ones, so a partner-specific schema can
     * replace a built-in one. Relative includes resolve against the schema's own location.
     */
    public TransactionSchemas with(EdiStandard standard, String setId, String versionPrefix, URL location) {
        List<Entry> more = new ArrayList<>(entries);
        more.add(0, new Entry(standard, setId, versionPrefix, location));
        return new TransactionSchemas(more);
    }

    public Optional<Schema> find(EdiStandard standard, String setId, String version) {
        Optional<Schema> explicit = entries.stream()
                .filter(e -> e.matches(standard, setId, version))
                .findFirst()
                .map(e -> loaded.computeIfAbsent(e.location(), TransactionSchemas::load));
        return explicit.isPresent() ? explicit : generated(standard, setId, version);
    }

    public Schema require(EdiStandard standard, String setId, String version) {
        return find(standard, setId, version).orElseThrow(() -> new EdiException(
                "No schema for " + standard + " " + setId + " version " + version));
    }

    /** Whether a built-in schema exists for this set and version (X12 GS08, EDIFACT {@code D:96A:UN...}). */
    public static boolean supported(EdiStandard standard, String setId, String version) {
        String key = versionKey(standard, version);
        return key != null && GENERATED.stream()
                .anyMatch(g -> g.standard() == standard && g.setId().equals(setId) && g.versions().contains(key));
    }

    private static Optional<Schema> generated(EdiStandard standard, String setId, String version) {
        String key = versionKey(standard, version);
        if (key == null) {
            return Optional.empty();
        }
        return GENERATED.stream()
                .filter(g -> g.standard() == standard && g.setId().equals(setId) && g.versions().contains(key))
                .findFirst()
                .map(g -> GENERATED_SCHEMAS.computeIfAbsent(standard + "/" + g.table() + "/" + key,
                        k -> parse(GENERATORS.get(standard).xml(g.table(), key), k)));
    }

    /**
     * X12: the six-digit version of GS08 ({@code 004010VICS} -> {@code 004010}); EDIFACT: the
     * directory of UNH S009 ({@code D:96A:UN:EAN008} -> {@code D96A}).
     */
    static String versionKey(EdiStandard standard, String version) {
        if (version == null) {
            return null;
        }
        if (standard == EdiStandard.X12) {
            return version.length() >= 6 ? version.substring(0, 6) : null;
        }
        String[] parts = version.split(":");
        return parts.length >= 2 ? parts[0] + parts[1] : null;
    }

    private static Schema parse(String xml, String name) {
        try {
            return SchemaFactory.newFactory().createSchema(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (EDISchemaException e) {
            throw new EdiException("Cannot build the generated EDI schema " + name, e);
        }
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
