package cn.yanxiu.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * Counts the teaching weeks a teacher was on duty: a week counts when its Wednesday falls on or after the
 * day the teacher joined and outside every leave. Arithmetic on dates only; what the weeks are worth is
 * for the rules.
 */
final class DutyWeeks {

    record Period(LocalDate start, LocalDate end) {
        boolean covers(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    private DutyWeeks() {
    }

    static int count(LocalDate termStart, int teachingWeeks, LocalDate joinedOn, List<Period> leaves) {
        int weeks = 0;
        for (int w = 0; w < teachingWeeks; w++) {
            LocalDate wednesday = termStart.plusWeeks(w).plusDays(2);
            if (joinedOn != null && wednesday.isBefore(joinedOn)) {
                continue;
            }
            if (leaves.stream().anyMatch(l -> l.covers(wednesday))) {
                continue;
            }
            weeks++;
        }
        return weeks;
    }
}
