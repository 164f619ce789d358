package cn.yanxiu.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page needs (the session length for the timeout warning) and how a refused request reads. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageAdvice {

    private final long sessionSeconds;

    PageAdvice(@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        this.sessionSeconds = timeout.toSeconds();
    }

    @ModelAttribute("sessionSeconds")
    long sessionSeconds() {
        return sessionSeconds;
    }

    /** The zone every page shows times in (YANXIU_ZONE, default Asia/Shanghai). */
    @ModelAttribute("zone")
    String zone() {
        return cn.yanxiu.system.Times.zone().getId();
    }

    @ModelAttribute("statusLabels")
    java.util.Map<String, String> statusLabels() {
        return RunStatus.LABELS;
    }

    /** A missing teacher, run or file: the page says what was not found. */
    @ExceptionHandler({IllegalArgumentException.class, java.util.NoSuchElementException.class, cn.yanxiu.rules.RuleSetWorkspace.RuleEditRefused.class})
    String notFound(RuntimeException e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("sessionSeconds", sessionSeconds);
        model.addAttribute("error", e.getMessage() == null ? "没有找到" : e.getMessage());
        return "problem";
    }
}
