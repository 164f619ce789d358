package cn.yanxiu.rules.vocabulary;

/** 评分: one score record; {@code kind} is 平时检查, 教师自评, 小组互评, 校长导评 or 指导组审评. */
public final class Score {
    private final String teacherId;
    private final String kind;
    private final double value;

    public Score(String teacherId, String kind, double value) {
        this.teacherId = teacherId;
        this.kind = kind;
        this.value = value;
    }

    public String getTeacherId() { return teacherId; }
    public String getKind() { return kind; }
    public double getValue() { return value; }
}
