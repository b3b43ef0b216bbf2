package io.interchange.mapping;

import java.util.Collection;
import java.util.List;

import com.schibsted.spt.data.jslt.Function;

/**
 * The extension functions every JSLT mapping is compiled with — by the {@code jslt} component of the
 * routes, the webhook and EDI mapping engines, and the reload check — so a mapping means the same
 * wherever it runs.
 */
public final class MappingFunctions {

    private static final List<Function> ALL = List.of(new ExactNumber());

    private MappingFunctions() {
    }

    public static Collection<Function> all() {
        return ALL;
    }
}
