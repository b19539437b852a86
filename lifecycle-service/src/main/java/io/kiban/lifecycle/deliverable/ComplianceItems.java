package io.kiban.lifecycle.deliverable;

import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.lifecycle.deliverable.DeliverableDtos.ComplianceLine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The items of the security compliance report 別紙2 (R-LC-12): items 2)–17), and sub-items 15)①–⑩
 * (codes 15-1…15-10) and 16)①–⑥ (16-1…16-6).
 */
final class ComplianceItems {

    public static final Set<String> CODES;
    public static final List<String> ORDER;
    public static final String DETAILS_ALWAYS = "15-10";

    static {
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 2; i <= 17; i++) {
            codes.add(Integer.toString(i));
            if (i == 15) {
                for (int s = 1; s <= 10; s++) {
                    codes.add("15-" + s);
                }
            }
            if (i == 16) {
                for (int s = 1; s <= 6; s++) {
                    codes.add("16-" + s);
                }
            }
        }
        CODES = Set.copyOf(codes);
        ORDER = List.copyOf(codes);
    }

    private ComplianceItems() {}

    /**
     * Every item once, a reason for 未実施 and 該当なし, details for 15)⑩ whatever its status: else 422
     * R-LC-12.
     */
    public static void validate(List<ComplianceLine> lines) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ComplianceLine l : lines) {
            String field = "items[" + l.item() + "]";
            if (!CODES.contains(l.item())) {
                errors.add(
                        new Problem.FieldError(
                                field, "not an item of 別紙2 (2–17, 15-1…15-10, 16-1…16-6)"));
                continue;
            }
            if (!seen.add(l.item())) {
                errors.add(new Problem.FieldError(field, "appears twice"));
            }
            boolean blank = l.note() == null || l.note().isBlank();
            if (l.status() != ComplianceStatus.Value.IMPLEMENTED && blank) {
                errors.add(
                        new Problem.FieldError(
                                field + ".note", "a reason is required for " + l.status()));
            } else if (DETAILS_ALWAYS.equals(l.item()) && blank) {
                errors.add(
                        new Problem.FieldError(
                                field + ".note", "15)⑩ requires details even when IMPLEMENTED"));
            }
        }
        for (String code : ORDER) {
            if (!seen.contains(code)) {
                errors.add(new Problem.FieldError("items[" + code + "]", "missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    ProblemType.RULE_VIOLATION,
                    "the security compliance report (別紙2) is incomplete: "
                            + errors.size()
                            + " problem(s)",
                    "R-LC-12",
                    errors,
                    null);
        }
    }
}
