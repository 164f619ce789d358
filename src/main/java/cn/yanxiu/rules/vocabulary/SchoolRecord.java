package cn.yanxiu.rules.vocabulary;

/** 学校记录: school-wide trainings (全校培训, distinct dates) held this term by the teacher's school. */
public final class SchoolRecord {
    private final String schoolId;
    private final int schoolTrainings;

    public SchoolRecord(String schoolId, int schoolTrainings) {
        this.schoolId = schoolId;
        this.schoolTrainings = schoolTrainings;
    }

    public String getSchoolId() { return schoolId; }
    public int getSchoolTrainings() { return schoolTrainings; }
}
