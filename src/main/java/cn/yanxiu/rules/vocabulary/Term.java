package cn.yanxiu.rules.vocabulary;

import java.time.LocalDate;

/** 学期: the term being evaluated. Rules read dates from here, never from the clock. */
public final class Term {
    private final String id;
    private final String academicYear;
    private final LocalDate start;
    private final LocalDate end;
    private final int teachingWeeks;

    public Term(String id, String academicYear, LocalDate start, LocalDate end, int teachingWeeks) {
        this.id = id;
        this.academicYear = academicYear;
        this.start = start;
        this.end = end;
        this.teachingWeeks = teachingWeeks;
    }

    public String getId() { return id; }
    public String getAcademicYear() { return academicYear; }
    public LocalDate getStart() { return start; }
    public LocalDate getEnd() { return end; }
    public int getTeachingWeeks() { return teachingWeeks; }
}
