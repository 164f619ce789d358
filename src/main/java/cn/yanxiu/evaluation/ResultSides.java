package cn.yanxiu.evaluation;

import cn.yanxiu.rules.TeacherEvaluation;
import cn.yanxiu.rules.vocabulary.Eligibility;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One side of a comparison ({@link GradeDiff.Side}), from a stored result row or from an evaluation just made. */
final class ResultSides {

    private static final TypeReference<Map<String, Object>> TRACE = new TypeReference<>() { };

    /** The columns {@link #fromRow} reads. */
    static final String COLUMNS = "run_id, teacher_id, grade, decided_by, findings_json, final_score, certificate, hours_recognised, credits, trace_json, "
            + "score_lines_json, eligibility_json, details";

    private ResultSides() {
    }

    static GradeDiff.Side fromRow(org.springframework.jdbc.core.JdbcTemplate jdbc, Map<String, Object> r) throws IOException {
        ResultDocuments.Documents documents = ResultDocuments.read(jdbc, ((Number) cn.yanxiu.system.RowColumns.get(r, "run_id")).longValue(), r);
        Map<String, String> findings = new TreeMap<>();
        for (Map<String, Object> f : ResultExporter.findings(documents.findings())) {
            findings.put(f.get("policy") + " " + f.get("rule"), String.valueOf(f.get("status")));
        }
        return new GradeDiff.Side((String) cn.yanxiu.system.RowColumns.get(r, "grade"), Boolean.TRUE.equals(cn.yanxiu.system.RowColumns.get(r, "certificate")), number(cn.yanxiu.system.RowColumns.get(r, "hours_recognised")),
                number(cn.yanxiu.system.RowColumns.get(r, "credits")), number(cn.yanxiu.system.RowColumns.get(r, "final_score")), (String) cn.yanxiu.system.RowColumns.get(r, "decided_by"), findings,
                band(ResultRows.JSON.readValue(documents.trace(), TRACE)));
    }

    static GradeDiff.Side of(TeacherEvaluation e) {
        Map<String, String> findings = new TreeMap<>();
        e.findings().forEach(f -> findings.put(f.getPolicy() + " " + f.getRule(), f.getStatus()));
        return new GradeDiff.Side(e.grade(), e.eligible(Eligibility.CERTIFICATE), e.credit() == null ? null : e.credit().getHoursRecognised(),
                e.credit() == null ? null : e.credit().getCredits(), e.finalScore(), e.decidedBy(), findings,
                band(ResultRows.JSON.convertValue(Map.of("fired", e.trace()), TRACE)));
    }

    /** The band the final score fell in, as the trace recorded it: the fact "分数段 …" matched beside "最终得分 = …". */
    @SuppressWarnings("unchecked")
    private static String band(Map<String, Object> trace) {
        for (Map<String, Object> fired : (List<Map<String, Object>>) trace.getOrDefault("fired", List.of())) {
            List<String> facts = (List<String>) fired.getOrDefault("facts", List.of());
            if (facts.stream().anyMatch(f -> f.startsWith("最终得分 ="))) {
                for (String f : facts) {
                    if (f.startsWith("分数段 ")) {
                        return f.substring("分数段 ".length());
                    }
                }
            }
        }
        return null;
    }


    private static Double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : v == null ? null : Double.valueOf(v.toString());
    }
}
