package io.xlate.edi.internal.stream.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import io.xlate.edi.internal.stream.tokenization.Dialect;
import io.xlate.edi.schema.EDIComplexType;
import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDISimpleType;
import io.xlate.edi.schema.EDISyntaxRule;
import io.xlate.edi.schema.EDIType;
import io.xlate.edi.schema.implementation.EDITypeImplementation;
import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * Interchange's stand-in for StAEDI 1.26.0's class of the same name (Apache License 2.0): one
 * node of the usage tree StAEDI's {@code Validator} builds from a schema, counting how often a
 * segment, element or component occurs. It is loaded instead of StAEDI's because Interchange's
 * classes come first on the class path (target/classes in tests, the application jar before
 * {@code lib/} at run time).
 *
 * <p>The one difference: {@link #getChildren(String)} is memoised. StAEDI's version streams,
 * filters and collects a node's children on every call, and the validator calls it about four
 * times for every element it reads, which made it 71 % of the EDI reader's time
 * (docs/staedi-usage-node-hotspot.md). The children of a node are fixed once the validator has
 * built the tree and a schema's occurrence limits per version never change, so the filtered list
 * is computed once per version. Everything else behaves as StAEDI's class does.
 *
 * <p>{@code StaediUsageNodePatchTest} fails when the StAEDI version or its original class changes:
 * this class must then be compared with the new original, or deleted if upstream fixed it.
 */
class UsageNode {

    private final UsageNode parent;
    private final int depth;
    private final EDIReference link;
    private final int siblingIndex;
    private final ElementValidator validator;
    /** Filled by the validator while it builds the tree, through {@link #getChildren()}. */
    private final List<UsageNode> children = new ArrayList<>();
    private int usageCount;

    /** The version {@link #versionedChildren} was filtered for, and how many children there were then. */
    private String filteredVersion;
    private int filteredFrom = -1;
    private List<UsageNode> versionedChildren;

    UsageNode(UsageNode parent, int depth, EDIReference link, int siblingIndex) {
        this.link = Objects.requireNonNull(link, "link");
        this.parent = parent;
        this.depth = depth;
        this.siblingIndex = siblingIndex;
        EDIType type = link.getReferencedType();
        this.validator = type instanceof EDISimpleType simple ? ElementValidator.getInstance(simple.getBase()) : null;
    }

    public static boolean hasMinimumUsage(String version, UsageNode node) {
        return node == null || node.hasMinimumUsage(version);
    }

    public static UsageNode getFirstChild(UsageNode node) {
        return node == null ? null : node.getFirstChild();
    }

    public static void resetChildren(UsageNode... nodes) {
        for (UsageNode node : nodes) {
            if (node != null) {
                node.resetChildren();
            }
        }
    }

    public UsageNode getFirstSiblingSameType() {
        EDIType type = getReferencedType();
        UsageNode sibling = getFirstSibling();
        while (!type.equals(sibling.getReferencedType())) {
            sibling = sibling.getNextSibling();
        }
        return sibling;
    }

    @Override
    public String toString() {
        return "usageCount: " + usageCount + ", depth: " + depth + ", link: { " + link + " }";
    }

    UsageNode getParent() {
        return parent;
    }

    int getDepth() {
        return depth;
    }

    EDIReference getLink() {
        return link;
    }

    EDIType getReferencedType() {
        return link.getReferencedType();
    }

    List<UsageNode> getChildren() {
        return children;
    }

    UsageNode getChild(int index) {
        return index < children.size() ? children.get(index) : null;
    }

    /**
     * The children that may occur in {@code version} (an absent implementation child, null, is
     * kept in its place), computed once per version. Read-only: callers only read it.
     */
    List<UsageNode> getChildren(String version) {
        if (versionedChildren == null || filteredFrom != children.size() || !Objects.equals(filteredVersion, version)) {
            List<UsageNode> filtered = new ArrayList<>(children.size());
            for (UsageNode child : children) {
                if (child == null || child.link.getMaxOccurs(version) > 0) {
                    filtered.add(child);
                }
            }
            versionedChildren = Collections.unmodifiableList(filtered);
            filteredVersion = version;
            filteredFrom = children.size();
        }
        return versionedChildren;
    }

    UsageNode getChild(String version, int index) {
        List<UsageNode> inVersion = getChildren(version);
        return index < inVersion.size() ? inVersion.get(index) : null;
    }

    boolean isImplementation() {
        return link instanceof EDITypeImplementation;
    }

    String getId() {
        return link instanceof EDITypeImplementation implementation ? implementation.getId()
                : link.getReferencedType().getId();
    }

    EDISimpleType getSimpleType() {
        // an implementation's element is its own simple type; a standard reference points at one
        return link instanceof EDISimpleType simple ? simple : (EDISimpleType) link.getReferencedType();
    }

    void validate(Dialect dialect, CharSequence value, List<EDIStreamValidationError> errors) {
        validator.validate(dialect, getSimpleType(), value, errors);
    }

    void format(Dialect dialect, CharSequence value, StringBuilder result) {
        validator.format(dialect, getSimpleType(), value, result);
    }

    List<EDISyntaxRule> getSyntaxRules() {
        return link.getReferencedType() instanceof EDIComplexType complex ? complex.getSyntaxRules()
                : Collections.emptyList();
    }

    int getIndex() {
        return siblingIndex;
    }

    void incrementUsage() {
        usageCount++;
    }

    boolean isUsed() {
        return usageCount > 0;
    }

    boolean isFirstChild() {
        return this == getFirstSibling();
    }

    boolean hasMinimumUsage(String version) {
        return usageCount >= link.getMinOccurs(version);
    }

    boolean hasVersions() {
        return getSimpleType().hasVersions();
    }

    boolean exceedsMaximumUsage(String version) {
        return usageCount > link.getMaxOccurs(version);
    }

    boolean isNodeType(EDIType.Type... types) {
        EDIType type = link.getReferencedType();
        for (EDIType.Type candidate : types) {
            if (type.isType(candidate)) {
                return true;
            }
        }
        return false;
    }

    EDIType.Type getNodeType() {
        return link.getReferencedType().getType();
    }

    void reset() {
        usageCount = 0;
        resetChildren();
    }

    void resetChildren() {
        for (UsageNode child : children) {
            if (child != null) {
                child.reset();
            }
        }
    }

    UsageNode getFirstSibling() {
        return parent == null ? null : parent.getChild(0);
    }

    UsageNode getNextSibling() {
        return parent == null ? null : parent.getChild(siblingIndex + 1);
    }

    public UsageNode getFirstChild() {
        return getChild(0);
    }

    UsageNode getSiblingById(CharSequence id) {
        if (parent == null) {
            return null;
        }
        for (UsageNode sibling : parent.children) {
            if (sibling.getId().contentEquals(id)) {
                return sibling;
            }
        }
        return null;
    }
}
