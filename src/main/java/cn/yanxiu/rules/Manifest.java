package cn.yanxiu.rules;

import java.time.LocalDate;
import java.util.List;

/** manifest.yaml: the academic year, its terms, and the grade labels from best to worst. */
public record Manifest(String academicYear, List<TermSpec> terms, List<String> grades) {

    public record TermSpec(String id, String name, LocalDate start, LocalDate end, int teachingWeeks) {
    }
}
