package io.interchange.edi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of one segment occurrence, as AK3 + AK4s (IK3 + IK4s, UCS + UCDs) report them:
 * a segment-level code, or "segment has data element errors" when only its elements are wrong.
 */
record SegmentNote(String tag, int position, String loopId, AckCode segmentCode, List<ValidationProblem> elements) {

    static final int MAX_ELEMENT_NOTES = 99;

    static List<SegmentNote> of(List<ValidationProblem> problems) {
        Map<String, List<ValidationProblem>> bySegment = new LinkedHashMap<>();
        for (ValidationProblem problem : problems) {
            bySegment.computeIfAbsent(problem.segmentTag() + "@" + problem.segmentPosition(), k -> new ArrayList<>())
                    .add(problem);
        }
        List<SegmentNote> notes = new ArrayList<>();
        for (List<ValidationProblem> group : bySegment.values()) {
            ValidationProblem first = group.get(0);
            AckCode segmentCode = group.stream().filter(p -> !p.elementLevel()).map(ValidationProblem::code)
                    .findFirst().orElse(AckCode.SEGMENT_HAS_DATA_ELEMENT_ERRORS);
            List<ValidationProblem> elements = group.stream().filter(ValidationProblem::elementLevel)
                    .limit(MAX_ELEMENT_NOTES).toList();
            notes.add(new SegmentNote(first.segmentTag(), first.segmentPosition(), first.loopId(), segmentCode,
                    elements));
        }
        return notes;
    }

    /** Only element errors: the segment itself is where it belongs. */
    boolean onlyElementErrors() {
        return segmentCode == AckCode.SEGMENT_HAS_DATA_ELEMENT_ERRORS;
    }
}
