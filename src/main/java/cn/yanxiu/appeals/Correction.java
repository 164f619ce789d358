package cn.yanxiu.appeals;

import cn.yanxiu.activity.ActivityType;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The change an accepted appeal makes to the records: a record added (a missing activity) or the disputed
 * record amended. The corrected row names the appeal as its source, so re-importing the school's file does
 * not undo it.
 */
public record Correction(Kind kind, ActivityType type, LocalDate date, BigDecimal hours, int quantity, String note) {

    public enum Kind {
        ADD("补录记录"), AMEND("更正所申诉的记录");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How it reads in the appeal's record and the audit log. */
    String describe() {
        return kind.label() + "：" + date + " " + type.label() + " " + hours.stripTrailingZeros().toPlainString() + " 学时 " + quantity + " 项"
                + (note == null || note.isBlank() ? "" : "（" + note.strip() + "）");
    }
}
