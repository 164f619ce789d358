package cn.yanxiu.web;

import cn.yanxiu.teacher.TeacherDirectory;
import java.util.List;
import org.springframework.ui.Model;

/** What a teacher's page shows of their logs, for the auditor's view and the teacher's own: the term picker and that term's activities. */
final class TeacherRecords {

    private TeacherRecords() {
    }

    /** Puts the teacher, the terms, the chosen term (the current one unless asked) and its activities on the page; returns the chosen term. */
    static String addTo(Model model, TeacherDirectory teachers, TeacherDirectory.TeacherLine t, String term) {
        String chosen = term != null ? term : teachers.currentTerm();
        model.addAttribute("t", t);
        model.addAttribute("terms", teachers.terms());
        model.addAttribute("term", chosen);
        model.addAttribute("activities", chosen == null ? List.of() : teachers.activities(t.id(), chosen));
        return chosen;
    }
}
