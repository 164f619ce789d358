package cn.yanxiu.web;

import cn.yanxiu.accounts.SignedIn;
import cn.yanxiu.audit.AuditLog;
import cn.yanxiu.system.Times;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for auditors and administrators: filtered by who, what and when, checked for tampering, exported as CSV. */
@Controller
class AuditLogController {

    private static final int SHOWN = 500;
    private final AuditLog audit;

    AuditLogController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit-log")
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actions", audit.actions());
        model.addAttribute("events", audit.find(actor, action, day(from, false), day(to, true), SHOWN));
        model.addAttribute("shown", SHOWN);
        model.addAttribute("chain", audit.verify());
        return "audit/log";
    }

    @GetMapping("/audit-log/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String action, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        List<AuditLog.Event> events = audit.find(actor, action, day(from, false), day(to, true), 100_000);
        StringBuilder csv = new StringBuilder("\uFEFF编号,时间,操作人,地址,操作,对象,说明,哈希\r\n");
        for (AuditLog.Event e : events) {
            csv.append(e.id()).append(',').append(Times.second(e.at())).append(',').append(cell(e.actor())).append(',').append(cell(e.address()))
                    .append(',').append(cell(e.action())).append(',').append(cell(e.target())).append(',').append(cell(e.detail())).append(',')
                    .append(e.hash()).append("\r\n");
        }
        audit.record(me.getUsername(), "导出", "审计日志 " + events.size() + " 条", null);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("审计日志.csv", StandardCharsets.UTF_8).build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A day typed in the filter (2026-11-30), as the instant it starts (or, for "to", the next day starts) in the shown zone. */
    private static Instant day(String text, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            return (end ? d.plusDays(1) : d).atStartOfDay(Times.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("日期应写作 2026-11-30：" + text);
        }
    }

    /** A CSV cell: quoted, and never read as a formula by a spreadsheet. */
    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = s.matches("^[=+\\-@\\t\\r].*") ? "'" + s : s;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
