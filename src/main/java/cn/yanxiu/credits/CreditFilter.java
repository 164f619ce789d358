package cn.yanxiu.credits;

import java.util.ArrayList;
import java.util.List;

/** Which entries a bulk step acts on: a term, narrowed to a school, a teaching-research group or a teacher. */
public record CreditFilter(String termId, String schoolId, String groupId, String teacherId) {

    public CreditFilter {
        if (termId == null || termId.isBlank()) {
            throw new IllegalArgumentException("必须指定学期（--term）");
        }
    }

    /** The WHERE conditions on credit_entry e joined to teacher t, and their arguments appended to {@code args}. */
    String where(List<Object> args) {
        List<String> conditions = new ArrayList<>();
        conditions.add("e.term_id = ?");
        args.add(termId);
        if (schoolId != null) {
            conditions.add("t.school_id = ?");
            args.add(schoolId);
        }
        if (groupId != null) {
            conditions.add("t.group_id = ?");
            args.add(groupId);
        }
        if (teacherId != null) {
            conditions.add("e.teacher_id = ?");
            args.add(teacherId);
        }
        return String.join(" AND ", conditions);
    }

    String describe() {
        return "学期 " + termId + (schoolId != null ? "、学校 " + schoolId : "") + (groupId != null ? "、教研组 " + groupId : "")
                + (teacherId != null ? "、教师 " + teacherId : "");
    }
}
