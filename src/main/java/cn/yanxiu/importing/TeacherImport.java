package cn.yanxiu.importing;

import cn.yanxiu.teacher.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** 教师名单: teachers with school, teaching-research group, roles and career facts. */
final class TeacherImport extends TableImport {

    static final Column ID = Column.required("工号", "teacher_id", "id");
    static final Column NAME = Column.required("姓名", "name");
    static final Column SCHOOL = Column.required("学校编号", "school_id");
    static final Column GROUP = Column.optional("教研组", "group");
    static final Column SUBJECT = Column.optional("学科", "subject");
    static final Column ROLES = Column.required("岗位", "roles", "role");
    static final Column BIRTH_YEAR = Column.required("出生年份", "birth_year");
    static final Column TEACHING_YEARS = Column.required("教龄", "teaching_years");
    static final Column TITLE = Column.optional("职称", "title");
    static final Column BACKBONE = Column.optional("骨干级别", "backbone_level");
    static final Column JOINED = Column.optional("入职日期", "joined_on");
    static final List<Column> COLUMNS = columns(ID, NAME, SCHOOL, GROUP, SUBJECT, ROLES, BIRTH_YEAR, TEACHING_YEARS, TITLE, BACKBONE, JOINED);

    private final UpsertRows teachers;
    private final UpsertRows groups;
    private final Map<String, Object[]> groupRows = new HashMap<>();
    private final Set<String> seen = new HashSet<>();

    TeacherImport(Context context) {
        super(context);
        teachers = new UpsertRows(jdbc, "teacher", List.of("id", "name", "school_id", "group_id", "subject", "roles",
                "birth_year", "teaching_years", "title", "backbone_level", "joined_on"));
        groups = new UpsertRows(jdbc, "research_group", List.of("id", "school_id", "name"));
    }

    @Override
    void accept(RowValues row) {
        String id = row.text(ID, 32);
        String name = row.text(NAME, 64);
        String school = row.text(SCHOOL, 32);
        String group = row.text(GROUP, 40);
        String subject = row.text(SUBJECT, 32);
        String roles = roles(row);
        int thisYear = LocalDate.now().getYear();
        Integer birthYear = row.integer(BIRTH_YEAR, thisYear - 80, thisYear - 16);
        Integer teachingYears = row.integer(TEACHING_YEARS, 0, 60);
        String title = row.text(TITLE, 32);
        String backbone = row.text(BACKBONE, 32);
        LocalDate joined = row.raw(JOINED).isEmpty() ? null : row.date(JOINED);
        if (id != null && !seen.add(id)) {
            row.reject(ID, "工号“" + id + "”在本文件中重复");
        }
        if (id != null && references.teacherOutside(id)) {
            row.reject(ID, "工号“" + id + "”属于您管理范围以外的学校，不能在此导入" + references.outsideNote());
        }
        if (school != null && !references.hasSchool(school)) {
            row.reject(SCHOOL, "学校编号“" + school + "”不存在，请先导入学校名单" + references.outsideNote());
        }
        if (birthYear != null && teachingYears != null && thisYear - birthYear - teachingYears < 16) {
            row.reject(TEACHING_YEARS, "教龄 " + teachingYears + " 与出生年份 " + birthYear + " 不符");
        }
        if (!row.ok()) {
            return;
        }
        String groupId = null;
        if (!group.isEmpty()) {
            groupId = school + ":" + group;
            if (groupRows.putIfAbsent(groupId, new Object[] {groupId, school, group}) == null) {
                groups.add(groupId, school, group);
                groups.flush(); // before any teacher row that refers to it
            }
        }
        teachers.add(id, name, school, groupId, subject, roles, birthYear, teachingYears, title, backbone, joined);
    }

    private static String roles(RowValues row) {
        String text = row.text(ROLES, 200);
        if (text == null) {
            return null;
        }
        Set<String> labels = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : text.split("[、,，;；/\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<Role> role = Role.parse(part);
            role.ifPresentOrElse(r -> labels.add(r.label()), () -> unknown.add(part));
        }
        if (!unknown.isEmpty()) {
            row.reject(ROLES, "未知岗位“" + String.join("、", unknown) + "”（可用：校长、主管领导、教导主任、教研组长、班主任、教师）");
            return null;
        }
        if (labels.isEmpty()) {
            row.reject(ROLES, "不能为空");
            return null;
        }
        return labels.stream().collect(Collectors.joining("、"));
    }

    @Override
    String finish() {
        teachers.flush();
        return counts("教师", teachers.inserted(), teachers.updated()) + "；教研组 " + groupRows.size() + " 个";
    }
}
