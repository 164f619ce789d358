package cn.yanxiu.evaluation;

import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.TeacherEvaluation;
import cn.yanxiu.rules.vocabulary.Eligibility;
import cn.yanxiu.rules.vocabulary.Finding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes a teacher's evaluation as one row (findings, score lines and trace as JSON columns), in JDBC batches. */
public final class ResultRows {

    /**
     * Stored results are read back by later versions: a field added to a conclusion must not make older or newer
     * rows unreadable. What only the rule tests use (a finding's metBy) is not stored.
     */
    static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder().findAndAddModules()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            // written straight to UTF-8 (the batch), a character beyond the BMP stays the character, as in text
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .addMixIn(Finding.class, StoredFindingFields.class).build();

    /** Leaves out of the stored JSON what a finding carries only for the rule tests. */
    private abstract static class StoredFindingFields {
        @com.fasterxml.jackson.annotation.JsonIgnore
        abstract String getMetBy();
    }

    /** One teacher's result as stored. */
    public record Row(String teacherId, String schoolId, TeacherEvaluation evaluation) {
    }

    private ResultRows() {
    }

    public static Row of(TeacherCase c, TeacherEvaluation e) {
        return new Row(c.teacher().getId(), c.teacher().getSchoolId(), e);
    }

    /**
     * Writes results; with the run's dictionary (see {@link ResultDocuments}) the four documents go into one
     * compressed column, without one (a run stored before) into the four text columns.
     */
    public static void insert(JdbcTemplate jdbc, long runId, byte[] dictionary, List<Row> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Row row : rows) {
            TeacherEvaluation e = row.evaluation();
            boolean ok = e.error() == null;
            boolean packed = dictionary != null;
            ResultDocuments.Documents documents = packed ? null : documents(e);
            args.add(new Object[] {runId, row.teacherId(), row.schoolId(), e.grade(), e.gradeLevel(), e.decidedBy(), e.finalScore(), e.routineScore(),
                e.yearEndScore(), e.vetoed(), ok && e.credit() != null ? e.credit().getHoursRecognised() : 0,
                ok && e.credit() != null ? e.credit().getCredits() : 0, ok && e.eligible(Eligibility.CERTIFICATE), e.error() == null ? null : truncate(e.error(), 1000),
                packed ? "" : documents.findings(), packed ? "" : documents.scoreLines(), packed ? "" : documents.eligibility(),
                packed ? "" : documents.trace(), packed ? packed(e, dictionary) : null});
        }
        jdbc.batchUpdate("INSERT INTO evaluation_result (run_id, teacher_id, school_id, grade, grade_level, decided_by, final_score, routine_score, "
                + "year_end_score, vetoed, hours_recognised, credits, certificate, rule_error, findings_json, score_lines_json, eligibility_json, trace_json, "
                + "details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
    }

    /** An evaluation's documents as the batch stores them: compressed with the run's dictionary. */
    public static byte[] packed(TeacherEvaluation e, byte[] dictionary) {
        return ResultDocuments.pack(joinedDocuments(e), dictionary);
    }

    /** An evaluation's four stored documents as JSON text. */
    public static ResultDocuments.Documents documents(TeacherEvaluation e) {
        Object[] parts = documentParts(e);
        return new ResultDocuments.Documents(json(parts[0]), json(parts[1]), json(parts[2]), json(parts[3]));
    }

    /** What the four documents hold, in their stored order: findings, score lines, eligibility, the trace. */
    private static Object[] documentParts(TeacherEvaluation e) {
        return new Object[] {e.findings(), e.scoreLines(), e.eligibilities(), traceOf(e)};
    }

    /**
     * The four documents as {@link ResultDocuments.Documents#joined} has them, written as UTF-8 straight away:
     * text made first and encoded after cost a quarter as much again as writing it.
     */
    static byte[] joinedDocuments(TeacherEvaluation e) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(32 * 1024);
        try {
            for (Object document : documentParts(e)) {
                if (out.size() > 0) {
                    out.write('\n');
                }
                JSON.writeValue(out, document);
            }
        } catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
        return out.toByteArray();
    }

    private static Object traceOf(TeacherEvaluation e) {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("veto", e.veto() == null ? null : e.veto().getReason());
        trace.put("deciding", e.decidingRules());
        trace.put("fired", e.trace());
        return trace;
    }

    /** A stored column as text: H2 hands long JSON columns back as a Clob, MySQL as a String. */
    static String text(Object v) {
        if (v instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return v == null ? null : v.toString();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** The findings as the result format lists them: policy, status, rule, message. */
    static List<Map<String, Object>> findingsForExport(List<Finding> findings) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("policy", f.getPolicy());
            m.put("status", f.getStatus());
            m.put("rule", f.getRule());
            m.put("message", f.getMessage());
            list.add(m);
        }
        return list;
    }
}
