package cn.yanxiu.credits;

import java.util.ArrayList;
import java.util.List;

/**
 * Which entries a bulk step acts on: a term, narrowed to a school, a teaching-research group or a teacher, and
 * always to the acting person's reach (an administrator of one county moves only that county's entries).
 */
public record CreditFilter(String termId, String schoolId, String groupId, String teacherId, cn.yanxiu.accounts.Scope reach) {

    public CreditFilter {
        if (termId == null || termId.isBlank()) {
            throw new IllegalArgumentException("必须指定学期（--term）");
        }
        reach = reach == null ? cn.yanxiu.accounts.Scope.PROVINCE : reach;
    }

    public CreditFilter(String termId, String schoolId, String groupId, String teacherId) {
        this(termId, schoolId, groupId, teacherId, cn.yanxiu.accounts.Scope.PROVINCE);
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
        if (!reach.province()) {
            conditions.add(reach.sql("t.school_id"));
            args.addAll(List.of(reach.args()));
        }
        return String.join(" AND ", conditions);
    }

    String describe() {
        return "学期 " + termId + (schoolId != null ? "、学校 " + schoolId : "") + (groupId != null ? "、教研组 " + groupId : "")
                + (teacherId != null ? "、教师 " + teacherId : "");
    }
}
