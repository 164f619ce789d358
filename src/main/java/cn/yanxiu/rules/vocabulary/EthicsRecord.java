package cn.yanxiu.rules.vocabulary;

import java.time.LocalDate;

/** 师德记录: whether professional ethics met the standard, and the violation if not. */
public final class EthicsRecord {
    private final String teacherId;
    private final boolean standardMet;
    private final LocalDate date;
    private final String description;

    public EthicsRecord(String teacherId, boolean standardMet, LocalDate date, String description) {
        this.teacherId = teacherId;
        this.standardMet = standardMet;
        this.date = date;
        this.description = description == null ? "" : description;
    }

    public String getTeacherId() { return teacherId; }
    public boolean isStandardMet() { return standardMet; }
    public LocalDate getDate() { return date; }
    public String getDescription() { return description; }
}
