package cn.yanxiu.web;

import cn.yanxiu.teacher.TeacherDirectory;
import java.util.List;
import org.springframework.ui.Model;

/** What a teacher's page shows of their logs, for the auditor's view and the teacher's own: the term picker and that term's activities. */
final class TeacherRecords {

    private TeacherRecords() {
    }

    /** Puts the teacher, the terms, the chosen term (the current one unless asked) and its activities on the page; returns the chosen term. */
    static String addTo(Model model, TeacherDirectory teachers, TeacherDirectory.TeacherLine t, String term, ListPage.Request request, String base) {
        String chosen = term != null ? term : teachers.currentTerm();
        model.addAttribute("t", t);
        model.addAttribute("terms", teachers.terms());
        model.addAttribute("term", chosen);
        java.util.Map<String, java.util.Comparator<TeacherDirectory.ActivityLine>> sorts = new java.util.LinkedHashMap<>();
        sorts.put("date", java.util.Comparator.comparing(TeacherDirectory.ActivityLine::date));
        sorts.put("type", java.util.Comparator.comparing(TeacherDirectory.ActivityLine::type));
        sorts.put("hours", java.util.Comparator.comparing(a -> a.hours() == null ? java.math.BigDecimal.ZERO : a.hours()));
        sorts.put("quantity", java.util.Comparator.comparingInt(TeacherDirectory.ActivityLine::quantity));
        ListPage<TeacherDirectory.ActivityLine> listed = ListPage.of(chosen == null ? List.of() : teachers.activities(t.id(), chosen), request, sorts,
                a -> a.date() + " " + a.type() + " " + (a.note() == null ? "" : a.note()));
        model.addAttribute("list", listed);
        model.addAttribute("activities", listed.items());
        model.addAttribute("listBase", base);
        if (chosen != null) {
            model.addAttribute("listFilters", java.util.Map.of("term", chosen));
            model.addAttribute("listQuery", "&term=" + java.net.URLEncoder.encode(chosen, java.nio.charset.StandardCharsets.UTF_8));
        }
        return chosen;
    }
}
