package cn.yanxiu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yanxiu.accounts.Accounts;
import cn.yanxiu.certificates.Certificates;
import cn.yanxiu.credits.CreditFilter;
import cn.yanxiu.credits.CreditLedger;
import cn.yanxiu.credits.CreditStep;
import cn.yanxiu.evaluation.EvaluationService;
import cn.yanxiu.importing.SpreadsheetImporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each role signs in to the real server in headless Chromium and completes its main task; a screenshot of
 * each main page is saved in {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {WebPermissionTests.WEB, WebPermissionTests.FAST_HASHES,
    "yanxiu.rules.root=target/web-browser-rules", "yanxiu.certificates.dir=target/web-browser-certificates",
    // a short session, so the idle warning (shown two minutes before the end, at least ten seconds in) appears during the test
    "server.servlet.session.timeout=2m",
    // a small upload limit, so the test can send a file over it
    "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=2MB"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    WebCounty county;

    @BeforeAll
    void county(@Autowired SpreadsheetImporter importer, @Autowired EvaluationService evaluation, @Autowired CreditLedger ledger,
                @Autowired Accounts accounts, @TempDir Path dir) throws Exception {
        county = WebCounty.build(jdbc, importer, evaluation, ledger, accounts, Path.of("target/web-browser-rules"), dir, 160);
    }

    @Test
    @Order(1)
    void theAdministratorImportsChecksActivatesAndRunsTheTermEnd(@TempDir Path dir) throws Exception {
        try (Browser b = new Browser(port)) {
            b.open("/login");
            b.screenshot("01-login");
            b.signIn("admin", county.adminPassword());
            assertThat(b.text(By.tagName("h1"))).isEqualTo("管理概览");
            b.screenshot("02-admin-overview");

            // a spreadsheet with a bad row: refused whole, the row and column named
            Path bad = dir.resolve("活动记录-有误.csv");
            Files.writeString(bad, "工号,学期编号,活动类型,日期,学时,数量,备注\n" + county.teacher().username() + ",2025-2026-1,自学,2025-10-10,2,1,\n"
                    + county.teacher().username() + ",2025-2026-1,自学,2025-10-11,-3,1,\n", StandardCharsets.UTF_8);
            b.open("/admin/import");
            b.find(By.cssSelector("input[type=file]")).sendKeys(bad.toAbsolutePath().toString());
            b.find(By.cssSelector("main form button[type=submit]")).click();
            String problems = b.text(By.cssSelector("table.problems"));
            assertThat(b.driver().getCurrentUrl()).as("the import ran as a job the page followed").containsPattern("/admin/import/[0-9a-f-]{36}$");
            assertThat(problems).contains("活动记录-有误.csv", "3", "学时");
            assertThat(b.text(By.cssSelector(".notice.error"))).contains("未导入");
            b.screenshot("03-admin-import-row-errors");

            // a file over the upload limit: refused with a page that says so, nothing imported
            int activities = jdbc.queryForObject("SELECT COUNT(*) FROM activity", Integer.class);
            Path huge = dir.resolve("activities-huge.csv");
            Files.write(huge, new byte[3 * 1024 * 1024]);
            b.open("/admin/import");
            b.find(By.cssSelector("input[type=file]")).sendKeys(huge.toAbsolutePath().toString());
            b.find(By.cssSelector("main form button[type=submit]")).click();
            assertThat(b.text(By.cssSelector(".notice.error"))).contains("超过大小上限", "未导入");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activity", Integer.class)).isEqualTo(activities);

            // a broken rule edit: not saved, the problem shown on its line
            b.open("/rule-sets/" + WebCounty.RULES + "/files/grading.drl");
            WebElement text = b.find(By.cssSelector("textarea[name=text]"));
            ((JavascriptExecutor) b.driver()).executeScript("arguments[0].value = arguments[0].value.replace('then', 'thn');", text);
            b.find(By.xpath("//button[text()='校验并保存']")).click();
            assertThat(b.text(By.cssSelector(".notice.error"))).contains("未保存");
            assertThat(b.driver().findElements(By.cssSelector("pre.code .hit"))).isNotEmpty();
            b.screenshot("04-admin-rule-edit-refused");

            // validate and test, then activate for the term
            b.open("/rule-sets/" + WebCounty.RULES);
            b.find(By.xpath("//button[text()='校验并运行测试']")).click();
            assertThat(b.waitFor(By.id("check-verdict"), Duration.ofSeconds(60)).getText()).contains("校验通过", "0 失败");
            ((JavascriptExecutor) b.driver()).executeScript("document.getElementById('check-verdict').scrollIntoView({block: 'start'});");
            b.screenshot("05-rules-checked");
            new Select(b.find(By.cssSelector("form[action$='/activate'] select[name=term]"))).selectByValue(WebCounty.TERM);
            b.find(By.xpath("//button[text()='启用']")).click();
            assertThat(b.text(By.cssSelector(".notice.ok"))).contains("已启用规则集");

            // the term-end run, watched live until it completes
            b.open("/admin/runs/new");
            new Select(b.find(By.name("term"))).selectByValue(WebCounty.TERM);
            b.find(By.xpath("//button[text()='开始评价']")).click();
            b.waitFor(By.id("grade-mix"), Duration.ofSeconds(180));
            assertThat(b.text(By.id("run-status"))).isEqualTo("已完成");
            assertThat(b.waitFor(By.cssSelector("[data-chart][data-drawn=true]"), Duration.ofSeconds(10))).isNotNull();
            int teachers = jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Integer.class);
            long run = jdbc.queryForObject("SELECT MAX(id) FROM evaluation_run", Long.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ?", Integer.class, run)).isEqualTo(teachers);
            assertThat(b.text(By.tagName("main"))).contains("共 " + teachers + " 位教师");
            b.screenshot("06-run-completed");
        }
    }

    @Test
    @Order(2)
    void theAuditorFindsATeacherAndReadsWhy() throws Exception {
        String teacher = county.teacher().username();
        String name = jdbc.queryForObject("SELECT name FROM teacher WHERE id = ?", String.class, teacher);
        try (Browser b = new Browser(port)) {
            b.signIn("auditor", county.auditorPassword());
            assertThat(b.text(By.tagName("h1"))).isEqualTo("评价运行");
            String runs = b.text(By.tagName("table"));
            assertThat(runs).as("statuses in Chinese, the grade mix in words").contains("已完成").doesNotContain("COMPLETED")
                    .doesNotContain("=").doesNotContain(";").containsPattern("\\d+（\\d+(\\.\\d)?%）");
            b.screenshot("07-auditor-runs");
            // the directory is paged: the next page shows other teachers, and says where it is
            b.open("/teachers");
            String firstPage = b.text(By.id("found"));
            b.find(By.cssSelector("a[rel=next]")).click();
            b.waitFor(By.id("found"));
            assertThat(b.text(By.cssSelector(".pager"))).contains("第 2 /");
            assertThat(b.text(By.id("found"))).isNotEqualTo(firstPage);
            b.find(By.linkText("姓名")).click();
            b.waitFor(By.id("found"));
            assertThat(b.driver().findElement(By.cssSelector("th[aria-sort=ascending]")).getText()).contains("姓名");
            b.open("/teachers?q=" + teacher);
            b.find(By.linkText(teacher)).click();
            b.find(By.linkText("查看评价依据")).click();
            String verdict = b.text(By.id("verdict"));
            assertThat(verdict).contains("等级");
            String grade = jdbc.queryForObject("SELECT grade FROM evaluation_result WHERE teacher_id = ? AND run_id = "
                    + "(SELECT MAX(run_id) FROM evaluation_result)", String.class, teacher);
            assertThat(verdict).contains(grade);
            assertThat(b.text(By.tagName("h1"))).contains(name);
            assertThat(b.driver().findElements(By.cssSelector("pre.code .hit"))).as("the deciding rules' text").isNotEmpty();
            // the verdict and the deciding rule open the page; the rest is folded
            Number firstDecidingTop = (Number) b.script("return document.querySelector('.rule.decisive').getBoundingClientRect().top;");
            Number screen = (Number) b.script("return window.innerHeight;");
            assertThat(firstDecidingTop.doubleValue()).as("the first deciding rule starts on the first screen").isLessThan(screen.doubleValue());
            assertThat(b.driver().findElement(By.id("findings")).isDisplayed()).as("requirements folded").isFalse();
            Number height = (Number) b.script("return document.documentElement.scrollHeight;");
            assertThat(height.intValue()).as("page height with the rest folded").isLessThan(4000);
            assertThat(b.text(By.tagName("main"))).contains("依据：", "出处", "来源原文（政策文件原话");
            b.screenshot("08-auditor-explanation");
            ((JavascriptExecutor) b.driver()).executeScript("document.querySelector('pre.code .hit').scrollIntoView({block: 'center'});");
            b.screenshot("08b-auditor-explanation-deciding-rules");

            b.open("/county");
            assertThat(b.waitFor(By.cssSelector("[data-chart][data-drawn=true]"), Duration.ofSeconds(10))).isNotNull();
            assertThat(b.text(By.id("county"))).contains("达标");
            b.screenshot("09-county-dashboard");

            // reads everything, changes nothing
            b.open("/admin");
            assertThat(b.text(By.tagName("h1"))).isEqualTo("没有权限");
        }
    }

    @Test
    @Order(3)
    void theGroupLeaderApprovesTheGroupsCreditsInBulk() throws Exception {
        String group = jdbc.queryForObject("SELECT group_id FROM teacher WHERE id = ?", String.class, county.groupLeader().username());
        String leader = county.groupLeader().username();
        int waiting = jdbc.queryForObject("SELECT COUNT(*) FROM credit_entry e JOIN teacher t ON t.id = e.teacher_id "
                + "WHERE e.status = 'PROPOSED' AND t.group_id = ? AND t.id <> ?", Integer.class, group, leader);
        try (Browser b = new Browser(port)) {
            b.signIn(county.groupLeader().username(), county.groupLeader().password());
            assertThat(b.text(By.tagName("h1"))).contains("教研组认定");
            assertThat(b.driver().findElements(By.cssSelector("#queue input[name=entry]"))).hasSize(waiting);
            b.screenshot("10-approver-queue");
            b.find(By.cssSelector("input[data-select-all]")).click();
            b.find(By.name("comment")).sendKeys("材料齐全，同意认定");
            b.find(By.xpath("//button[text()='通过所选']")).click();
            assertThat(b.text(By.cssSelector(".notice.ok"))).contains("已通过 " + waiting + " 条");
            b.screenshot("11-approver-approved");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_entry e JOIN teacher t ON t.id = e.teacher_id "
                + "WHERE e.status = 'PROPOSED' AND t.group_id = ? AND t.id <> ?", Integer.class, group, leader)).isZero();
        assertThat(jdbc.queryForList("SELECT DISTINCT comment FROM credit_step s JOIN credit_entry e ON e.id = s.entry_id JOIN teacher t ON t.id = e.teacher_id "
                + "WHERE t.group_id = ?", String.class, group)).containsExactly("材料齐全，同意认定");
        assertThat(jdbc.queryForList("SELECT status FROM credit_entry WHERE teacher_id = ?", String.class, leader)).doesNotContain("GROUP_APPROVED");
    }

    @Test
    @Order(4)
    void theTeacherSeesTheirGradeAndDownloadsTheirCertificate(@Autowired CreditLedger ledger, @Autowired Certificates certificates,
                                                              @TempDir Path out) throws Exception {
        String teacher = county.teacher().username();
        long run = jdbc.queryForObject("SELECT MAX(run_id) FROM credit_entry", Long.class);
        CreditFilter own = new CreditFilter(WebCounty.TERM, null, null, teacher);
        for (CreditStep step : CreditStep.values()) {
            ledger.approve(step, own, "测试审批", null);
        }
        certificates.issue(run, "县教师发展中心", out, null);
        List<String> serials = jdbc.queryForList("SELECT serial FROM certificate WHERE teacher_id = ?", String.class, teacher);
        String name = jdbc.queryForObject("SELECT name FROM teacher WHERE id = ?", String.class, teacher);
        try (Browser b = new Browser(port)) {
            b.signIn(teacher, county.teacher().password());
            assertThat(b.text(By.tagName("h1"))).contains(name);
            assertThat(b.text(By.id("my-grade"))).contains("您本学期的校本研修评价为");
            assertThat(b.driver().findElements(By.cssSelector("#my-findings li"))).isNotEmpty();
            assertThat(b.driver().findElements(By.cssSelector("#my-activities tr"))).hasSizeGreaterThan(1);
            // what would raise the grade is worked out when the teacher opens it
            assertThat(b.driver().findElement(By.id("my-raise")).getAttribute("textContent")).as("not worked out before it is opened").contains("正在");
            b.find(By.cssSelector("#my-raise-section > summary")).click();
            org.awaitility.Awaitility.await("the raise hint").atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> b.text(By.id("my-raise")), t -> !t.isBlank() && !t.contains("正在"));
            assertThat(b.text(By.id("my-raise"))).doesNotContain("暂时无法推算");
            b.screenshot("12-teacher-me");
            if (!serials.isEmpty()) {
                String href = b.find(By.cssSelector("#my-certificates a")).getAttribute("href");
                HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                        .header("Cookie", "SESSION=" + b.cookie("SESSION")).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(pdf.statusCode()).isEqualTo(200);
                try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                    assertThat(new PDFTextStripper().getText(doc)).contains(name, serials.get(0));
                }
            }
            // idle: the page warns before the session ends, and "继续使用" keeps it
            WebElement warning = b.waitFor(By.id("session-warning"), Duration.ofSeconds(5));
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> warning.isDisplayed());
            assertThat(warning.getText()).contains("即将").contains("继续使用");
            b.screenshot("13-session-warning");
            b.find(By.id("session-keep")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> !warning.isDisplayed());

            // the auditor's pages stay closed
            b.open("/me");
            b.open("/runs");
            assertThat(b.text(By.tagName("h1"))).isEqualTo("没有权限");
        }
        assertThat(serials).as("the chosen teacher passed and was registered, so holds a certificate").hasSize(1);
    }

    @Test
    @Order(5)
    void everyMainPageFitsAPhoneAndADesktop() throws Exception {
        long run = jdbc.queryForObject("SELECT MAX(id) FROM evaluation_run WHERE status = 'COMPLETED'", Long.class);
        String teacher = county.teacher().username();
        try (Browser b = new Browser(port)) {
            b.signIn("admin", county.adminPassword());
            List<String> pages = List.of("/admin", "/admin/import", "/admin/accounts", "/rule-sets", "/rule-sets/" + WebCounty.RULES,
                    "/rule-sets/" + WebCounty.RULES + "/files/grading.drl", "/rule-sets/" + WebCounty.RULES + "/files/parameters.drl.xlsx",
                    "/rule-sets/" + WebCounty.RULES + "/manifest", "/runs", "/runs/" + run, "/teachers", "/teachers?q=" + teacher,
                    "/runs/" + run + "/teachers/" + teacher, "/county?run=" + run, "/diff", "/approvals");
            for (int[] size : List.of(new int[] {1366, 900}, new int[] {390, 844})) {
                b.resize(size[0], size[1]);
                for (String page : pages) {
                    b.open(page);
                    b.waitFor(By.tagName("h1"));
                    assertThat(b.sidewaysOverflow()).as("%s at %d px", page, size[0]).isZero();
                }
                b.open("/teachers");
                b.screenshot(size[0] > 1000 ? "28-desktop-teachers-paged" : "29-phone-teachers-paged");
            }
            b.open("/runs/" + run + "/teachers/" + teacher);
            b.screenshot("30-phone-explanation");
            assertThat(b.driver().findElement(By.cssSelector("nav.links")).isDisplayed()).as("links folded into the menu").isFalse();
            b.find(By.cssSelector("label.menu-button")).click();
            assertThat(b.find(By.linkText("评价运行")).isDisplayed()).isTrue();
            b.screenshot("31-phone-menu-open");
        }
        try (Browser b = new Browser(port)) {
            b.signIn(teacher, county.teacher().password());
            b.resize(390, 844);
            b.open("/me");
            b.waitFor(By.tagName("h1"));
            assertThat(b.sidewaysOverflow()).as("/me at 390 px").isZero();
            b.screenshot("32-phone-teacher");
        }
    }

    @Test
    @Order(6)
    void theMainPagesHaveNoSeriousAccessibilityViolations() throws Exception {
        long run = jdbc.queryForObject("SELECT MAX(id) FROM evaluation_run WHERE status = 'COMPLETED'", Long.class);
        String teacher = county.teacher().username();
        java.util.Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        try (Browser b = new Browser(port)) {
            b.open("/login");
            found.put("/login", b.seriousAccessibilityViolations());
            b.signIn("admin", county.adminPassword());
            for (String page : List.of("/admin", "/admin/import", "/admin/accounts", "/rule-sets/" + WebCounty.RULES, "/runs", "/runs/" + run,
                    "/teachers", "/teachers?q=" + teacher, "/runs/" + run + "/teachers/" + teacher, "/county?run=" + run, "/diff", "/approvals",
                    "/rule-sets/" + WebCounty.RULES + "/files/parameters.drl.xlsx", "/rule-sets/" + WebCounty.RULES + "/manifest")) {
                b.open(page);
                b.waitFor(By.tagName("h1"));
                found.put(page, b.seriousAccessibilityViolations());
            }
        }
        try (Browser b = new Browser(port)) {
            b.signIn(teacher, county.teacher().password());
            b.open("/me");
            b.waitFor(By.tagName("h1"));
            found.put("/me", b.seriousAccessibilityViolations());
        }
        found.values().removeIf(List::isEmpty);
        assertThat(found).as("serious or critical axe-core violations by page").isEmpty();
    }

    @Test
    @Order(7)
    void aTeacherAppealsWithEvidenceAndTheApproverAcceptsItAndTheCertificateIsReissued(@Autowired Accounts accounts, @Autowired Certificates certificates,
                                                                                       @TempDir Path dir) throws Exception {
        String teacher = county.teacher().username();
        String oldSerial = certificates.validFor(teacher, WebCounty.TERM).orElseThrow(() -> new AssertionError("test 4 registered and certified the teacher"));
        long row = jdbc.queryForObject("SELECT MIN(id) FROM activity WHERE teacher_id = ? AND term_id = ? AND type = 'SELF_STUDY'", Long.class, teacher,
                WebCounty.TERM);
        java.util.Map<String, Object> activity = jdbc.queryForMap("SELECT activity_date, hours FROM activity WHERE id = ?", row);
        java.math.BigDecimal hours = (java.math.BigDecimal) cn.yanxiu.system.RowColumns.get(activity, "hours");
        Object date = cn.yanxiu.system.RowColumns.get(activity, "activity_date");
        String school = jdbc.queryForObject("SELECT school_id FROM teacher WHERE id = ?", String.class, teacher);
        accounts.create("jiaodao", "教导主任乙", java.util.EnumSet.of(cn.yanxiu.accounts.AccountRole.APPROVER), null, CreditStep.OFFICE, school, null,
                "jiaodao-password-1", "tests");
        Path evidence = dir.resolve("签到表.pdf");
        Files.write(evidence, cn.yanxiu.appeals.EvidenceSamples.pdf("签到表"));
        long appeal;
        try (Browser b = new Browser(port)) {
            b.signIn(teacher, county.teacher().password());
            // every record of the teacher's own list leads to its evidence and appeal page
            assertThat(b.find(By.cssSelector("#my-activities a[href*='/me/activities/']")).getText()).isEqualTo("证据 / 申诉");
            b.open("/me/activities/" + row);
            assertThat(b.text(By.id("activity-text"))).contains("自学");
            b.find(By.cssSelector("#appeal-record textarea[name=reason]")).sendKeys("这次自学记少了 3 学时，附签到表");
            b.find(By.cssSelector("#appeal-record input[type=file]")).sendKeys(evidence.toAbsolutePath().toString());
            b.find(By.cssSelector("#appeal-record button[type=submit]")).click();
            assertThat(b.text(By.cssSelector(".notice.ok"))).contains("已提交");
            assertThat(b.text(By.tagName("h1"))).contains("待处理");
            assertThat(b.text(By.id("appeal-evidence"))).contains("签到表.pdf");
            appeal = Long.parseLong(b.driver().getCurrentUrl().replaceAll(".*/appeals/", ""));
            b.screenshot("16-teacher-appeal-filed");
        }
        try (Browser b = new Browser(port)) {
            b.signIn("jiaodao", "jiaodao-password-1");
            b.open("/approvals");
            assertThat(b.text(By.id("open-appeals"))).contains("待处理申诉 1 项");
            b.find(By.cssSelector("#open-appeals a")).click();
            b.find(By.cssSelector("#appeals a[href$='/appeals/" + appeal + "']")).click();
            assertThat(b.text(By.id("appeal-reason"))).contains("记少了 3 学时");
            // the evidence opens for the approver
            String href = b.find(By.cssSelector("#appeal-evidence a")).getAttribute("href");
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "SESSION=" + b.cookie("SESSION")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(new String(file.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            // the form starts from the disputed record as it reads now
            assertThat(new Select(b.find(By.cssSelector("#decide select[name=type]"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("SELF_STUDY");
            assertThat(b.find(By.cssSelector("#decide input[name=date]")).getAttribute("value")).isEqualTo(String.valueOf(date));
            WebElement h = b.find(By.cssSelector("#decide input[name=hours]"));
            h.clear();
            h.sendKeys(hours.add(java.math.BigDecimal.valueOf(3)).toPlainString());
            b.find(By.cssSelector("#decide textarea[name=reason]")).sendKeys("核对签到表，确为漏记");
            b.screenshot("17-approver-decides-appeal");
            b.find(By.cssSelector("#decide button[value=accept]")).click();
            assertThat(b.text(By.cssSelector(".notice.ok"))).contains("已采纳");
            assertThat(b.text(By.id("appeal-consequences"))).contains("认定学时", "由新证书");
        }
        String newSerial = certificates.validFor(teacher, WebCounty.TERM).orElseThrow();
        assertThat(newSerial).isNotEqualTo(oldSerial);
        try (Browser b = new Browser(port)) {
            b.signIn(teacher, county.teacher().password());
            b.open("/appeals/" + appeal);
            assertThat(b.text(By.tagName("h1"))).contains("已采纳");
            assertThat(b.text(By.id("appeal-consequences"))).contains(oldSerial, newSerial);
            b.open("/me");
            assertThat(b.text(By.id("my-appeals"))).contains("已采纳");
            assertThat(b.text(By.id("my-certificates"))).contains(newSerial).contains("已撤销");
            String href = b.find(By.cssSelector("#my-certificates a")).getAttribute("href");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "SESSION=" + b.cookie("SESSION")).build(), HttpResponse.BodyHandlers.ofByteArray());
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                assertThat(new PDFTextStripper().getText(doc)).contains(newSerial);
            }
            b.screenshot("18-teacher-appeal-accepted");
            assertThat(b.seriousAccessibilityViolations()).isEmpty();
        }
        try (Browser b = new Browser(port)) {
            b.signIn("auditor", county.auditorPassword());
            b.open("/teachers/" + teacher);
            assertThat(b.text(By.id("teacher-appeals"))).contains("#" + appeal, "已采纳");
            b.open("/audit-log");
            assertThat(b.text(By.tagName("main"))).contains("采纳申诉", "提交申诉");
        }
    }
}
