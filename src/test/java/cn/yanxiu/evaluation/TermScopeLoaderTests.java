package cn.yanxiu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yanxiu.rules.vocabulary.GroupRecord;
import cn.yanxiu.support.Databases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a term's groups and schools held, counted by hand: days (not rows) of 教研活动 and 集中学习 per group, the
 * months with 集中学习, 全校培训 days per school; other types, other terms and teachers without a group do not count.
 */
class TermScopeLoaderTests {

    private JdbcTemplate jdbc;
    private int key;

    /** The database under test: a fresh H2 here, MariaDB in {@link TermScopeLoaderMariaDbTests}. */
    JdbcTemplate database() {
        return Databases.freshH2("term-scope");
    }

    @BeforeEach
    void county() {
        jdbc = database();
        jdbc.update("INSERT INTO district (id, name) VALUES ('D1', '城区')");
        jdbc.update("INSERT INTO school (id, name, district_id, kind) VALUES ('S1', '一中', 'D1', 'SENIOR'), ('S2', '二小', 'D1', 'PRIMARY')");
        jdbc.update("INSERT INTO research_group (id, school_id, name) VALUES ('G1', 'S1', '语文组'), ('G2', 'S1', '数学组'), ('G3', 'S2', '英语组')");
        jdbc.update("INSERT INTO term (id, academic_year, term_no, name, start_date, end_date, teaching_weeks) VALUES "
                + "('2025-2026-1', '2025-2026', 1, '第一学期', DATE '2025-09-01', DATE '2026-01-11', 19), "
                + "('2025-2026-2', '2025-2026', 2, '第二学期', DATE '2026-02-23', DATE '2026-07-10', 19)");
        for (String[] t : new String[][] {{"T1", "S1", "G1"}, {"T2", "S1", "G1"}, {"T3", "S1", "G2"}, {"T4", "S2", null}, {"T5", "S2", "G3"}}) {
            jdbc.update("INSERT INTO teacher (id, name, school_id, group_id, roles, birth_year, teaching_years) VALUES (?, ?, ?, ?, '教师', 1990, 10)",
                    t[0], "教师" + t[0], t[1], t[2]);
        }
    }

    private void activity(String teacher, String term, String type, String date) {
        jdbc.update("INSERT INTO activity (teacher_id, term_id, type, activity_date, hours, quantity, record_key, source_file) "
                + "VALUES (?, ?, ?, ?, 1, 1, ?, 'test.xlsx')", teacher, term, type, java.sql.Date.valueOf(date), teacher + "/" + key++);
    }

    private void termLogs() {
        // G1: two teachers at the same research activity count one day; a second day is a second
        activity("T1", "2025-2026-1", "RESEARCH_ACTIVITY", "2025-09-10");
        activity("T2", "2025-2026-1", "RESEARCH_ACTIVITY", "2025-09-10");
        activity("T2", "2025-2026-1", "RESEARCH_ACTIVITY", "2025-10-15");
        // G1: three study days in two months
        activity("T1", "2025-2026-1", "CENTRAL_STUDY", "2025-09-03");
        activity("T2", "2025-2026-1", "CENTRAL_STUDY", "2025-09-17");
        activity("T1", "2025-2026-1", "CENTRAL_STUDY", "2025-12-03");
        activity("T2", "2025-2026-1", "CENTRAL_STUDY", "2025-12-03");
        // G2: one study day; its other activities are of types that are not counted, or of the other term
        activity("T3", "2025-2026-1", "CENTRAL_STUDY", "2026-01-07");
        activity("T3", "2025-2026-1", "OBSERVATION", "2025-09-10");
        activity("T3", "2025-2026-2", "RESEARCH_ACTIVITY", "2026-03-04");
        // a teacher without a group: counts for the school's training days, not for any group
        activity("T4", "2025-2026-1", "RESEARCH_ACTIVITY", "2025-11-05");
        activity("T4", "2025-2026-1", "SCHOOL_TRAINING", "2025-11-06");
        activity("T5", "2025-2026-1", "SCHOOL_TRAINING", "2025-11-06");
        activity("T5", "2025-2026-1", "SCHOOL_TRAINING", "2025-12-20");
        activity("T1", "2025-2026-1", "SCHOOL_TRAINING", "2025-10-08");
        activity("T3", "2025-2026-2", "SCHOOL_TRAINING", "2026-03-05");
    }

    @Test
    void countsDaysAndMonthsPerGroupAndTrainingDaysPerSchool() {
        termLogs();
        TermScope scope = new TermScopeLoader(jdbc).load("2025-2026-1");

        assertGroup(scope.groups().get("G1"), 2, 3, 2);
        assertGroup(scope.groups().get("G2"), 0, 1, 1);
        assertGroup(scope.groups().get("G3"), 0, 0, 0);
        assertThat(scope.groups()).hasSize(3);
        assertThat(scope.groups().get("G1").getTermMonths()).isEqualTo(5);
        assertThat(scope.schools().get("S1").getSchoolTrainings()).isEqualTo(1);
        assertThat(scope.schools().get("S2").getSchoolTrainings()).isEqualTo(2);
    }

    @Test
    void oneTeachersScopeHoldsItsOwnGroupAndSchoolWithTheTermsFigures() {
        termLogs();
        TermScopeLoader loader = new TermScopeLoader(jdbc);
        TermScope whole = loader.load("2025-2026-1");
        for (String[] t : new String[][] {{"T1", "S1", "G1"}, {"T2", "S1", "G1"}, {"T3", "S1", "G2"}, {"T5", "S2", "G3"}}) {
            TermScope own = loader.loadFor("2025-2026-1", t[0]);
            assertThat(own.term().getId()).isEqualTo("2025-2026-1");
            assertThat(own.groups()).as(t[0]).containsOnlyKeys(t[2]);
            GroupRecord g = own.groups().get(t[2]);
            GroupRecord expected = whole.groups().get(t[2]);
            assertGroup(g, expected.getResearchActivities(), expected.getTheoryStudySessions(), expected.getMonthsWithTheoryStudy());
            assertThat(g.getTermMonths()).isEqualTo(5);
            assertThat(own.schools()).as(t[0]).containsOnlyKeys(t[1]);
            assertThat(own.schools().get(t[1]).getSchoolTrainings()).isEqualTo(whole.schools().get(t[1]).getSchoolTrainings());
        }
        TermScope noGroup = loader.loadFor("2025-2026-1", "T4");
        assertThat(noGroup.groups()).isEmpty();
        assertThat(noGroup.schools().get("S2").getSchoolTrainings()).isEqualTo(2);
        TermScope nobody = loader.loadFor("2025-2026-1", "T9");
        assertThat(nobody.groups()).isEmpty();
        assertThat(nobody.schools()).isEmpty();
        assertThat(nobody.term().getId()).isEqualTo("2025-2026-1");
    }

    private static void assertGroup(GroupRecord group, int researchDays, int studyDays, int studyMonths) {
        assertThat(group.getResearchActivities()).as(group.getGroupId() + " 教研活动天数").isEqualTo(researchDays);
        assertThat(group.getTheoryStudySessions()).as(group.getGroupId() + " 集中学习天数").isEqualTo(studyDays);
        assertThat(group.getMonthsWithTheoryStudy()).as(group.getGroupId() + " 有集中学习的月份").isEqualTo(studyMonths);
    }
}
