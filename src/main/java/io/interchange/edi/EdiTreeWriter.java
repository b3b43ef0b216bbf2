package io.interchange.edi;

import io.interchange.edi.schema.SchemaGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xlate.edi.schema.EDIComplexType;
import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDIType;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The reader in reverse: writes a complete interchange from an {@link OutboundEnvelope} and a
 * JSON tree in the shape {@link EdiInterchangeReader} produces. Segments and loops are written
 * in the schema's order whatever the order of the tree's keys (a JSLT mapping need not care);
 * a key the schema does not know is an error rather than silently dropped data; the result is
 * validated against the schema before anything reaches the output.
 */
public final class EdiTreeWriter {

    private final TransactionSchemas schemas;

    public EdiTreeWriter() {
        this(TransactionSchemas.builtIn());
    }

    public EdiTreeWriter(TransactionSchemas schemas) {
        this.schemas = schemas;
    }

    /**
     * @throws EdiWriteException if the tree does not fit the schema of {@code setId} in the
     *         envelope's version, or the result does not validate
     */
    public void write(OutboundEnvelope envelope, String setId, ObjectNode tree, OutputStream out) {
        Schema schema = schemas.require(envelope.standard(), setId, envelope.version());
        ValidatingOutput.write(envelope, setId, schema,
                segments -> writeSequence(segments, schema.getStandard(), tree, setId), out);
    }

    private void writeSequence(SegmentWriter out, EDIComplexType container, ObjectNode node, String path)
            throws EDIStreamException {
        Set<String> known = new HashSet<>();
        for (EDIReference reference : container.getReferences()) {
            EDIType type = reference.getReferencedType();
            String key = type.isType(EDIType.Type.LOOP) ? SchemaGenerator.loopName(type.getCode()) : type.getCode();
            if (!known.add(key)) {
                continue;
            }
            for (ObjectNode item : items(node.get(key), path + "." + key)) {
                if (type.isType(EDIType.Type.LOOP)) {
                    writeSequence(out, (EDIComplexType) type, item, path + "." + key);
                } else {
                    writeSegment(out, key, (EDIComplexType) type, item, path + "." + key);
                }
            }
        }
        rejectUnknown(node, known, path);
    }

    private void writeSegment(SegmentWriter out, String tag, EDIComplexType segment, ObjectNode node, String path)
            throws EDIStreamException {
        List<EDIReference> elements = segment.getReferences();
        List<String> names = new ArrayList<>();
        for (int position = 1; position <= elements.size(); position++) {
            names.add(TransactionTreeBuilder.elementName(tag, position));
        }
        rejectUnknown(node, new HashSet<>(names), path);
        int last = lastPresent(node, names);
        out.start(tag);
        EDIStreamWriter writer = out.stax();
        for (int i = 0; i <= last; i++) {
            JsonNode value = node.get(names.get(i));
            if (value == null || value.isNull()) {
                writer.writeEmptyElement();
            } else if (value.isObject()) {
                writeComposite(out, names.get(i), (EDIComplexType) elements.get(i).getReferencedType(),
                        (ObjectNode) value, path + "." + names.get(i));
            } else if (value.isValueNode()) {
                out.element(text(value));
            } else {
                throw new EdiWriteException(path + "." + names.get(i) + " must be a value or a composite object");
            }
        }
        out.end();
    }

    private void writeComposite(SegmentWriter out, String name, EDIComplexType composite, ObjectNode node, String path)
            throws EDIStreamException {
        int size = composite.getReferences().size();
        List<String> names = new ArrayList<>();
        String[] components = new String[size];
        for (int position = 1; position <= size; position++) {
            String component = TransactionTreeBuilder.elementName(name, position);
            names.add(component);
            JsonNode value = node.get(component);
            components[position - 1] = value == null || value.isNull() ? "" : text(value);
        }
        rejectUnknown(node, new HashSet<>(names), path);
        out.composite(components);
    }

    /** A segment or loop the schema allows once may be given as an object or a one-element array. */
    private static List<ObjectNode> items(JsonNode value, String path) {
        List<ObjectNode> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (value.isObject()) {
            items.add((ObjectNode) value);
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isObject()) {
                    throw new EdiWriteException(path + " must hold objects");
                }
                items.add((ObjectNode) item);
            }
        } else {
            throw new EdiWriteException(path + " must be an object or an array of objects");
        }
        return items;
    }

    /** Numbers from a mapping are written as plain decimals, never in exponent notation. */
    private static String text(JsonNode value) {
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }

    private static int lastPresent(ObjectNode node, List<String> names) {
        for (int i = names.size() - 1; i >= 0; i--) {
            JsonNode value = node.get(names.get(i));
            if (value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty())) {
                return i;
            }
        }
        return -1;
    }

    private static void rejectUnknown(ObjectNode node, Set<String> known, String path) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new EdiWriteException(path + "." + name + " is not part of the schema here");
            }
        }
    }
}
