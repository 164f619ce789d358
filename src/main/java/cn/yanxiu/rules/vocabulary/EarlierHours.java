package cn.yanxiu.rules.vocabulary;

/**
 * 往期学时: study hours from an earlier term or academic year ({@code period} is "2024-2025" or
 * "2025-2026-1"); {@code centralisedTraining} is the part that was 集中培训.
 */
public final class EarlierHours {
    private final String teacherId;
    private final String period;
    private final double hours;
    private final double centralisedTraining;

    public EarlierHours(String teacherId, String period, double hours, double centralisedTraining) {
        this.teacherId = teacherId;
        this.period = period;
        this.hours = hours;
        this.centralisedTraining = centralisedTraining;
    }

    public String getTeacherId() { return teacherId; }
    public String getPeriod() { return period; }
    public double getHours() { return hours; }
    public double getCentralisedTraining() { return centralisedTraining; }
}
