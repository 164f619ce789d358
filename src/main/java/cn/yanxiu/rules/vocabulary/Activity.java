package cn.yanxiu.rules.vocabulary;

import java.time.LocalDate;

/** 研修活动: one logged activity; {@code type} is its Chinese label (自学, 听课 …). */
public final class Activity {
    private final String teacherId;
    private final String type;
    private final LocalDate date;
    private final double hours;
    private final int quantity;

    public Activity(String teacherId, String type, LocalDate date, double hours, int quantity) {
        this.teacherId = teacherId;
        this.type = type;
        this.date = date;
        this.hours = hours;
        this.quantity = quantity;
    }

    public String getTeacherId() { return teacherId; }
    public String getType() { return type; }
    public LocalDate getDate() { return date; }
    public double getHours() { return hours; }
    public int getQuantity() { return quantity; }
}
