package cn.yanxiu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.yanxiu.accounts.Accounts;
import cn.yanxiu.credits.CreditLedger;
import cn.yanxiu.evaluation.EvaluationService;
import cn.yanxiu.importing.SpreadsheetImporter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may reach what, through the real security filter chain on H2: every role against every sensitive
 * page and endpoint; then sign-in, throttling and CSRF; then the administrator's inputs (rule edits,
 * activation, uploads) refusing bad and hostile input without changing anything.
 */
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebPermissionTests {

    static final String WEB = "spring.main.web-application-type=servlet";
    /** Certificates the web tests issue go under target/, never into the working folder. */
    static final String CERTIFICATES = "yanxiu.certificates.dir=target/web-certificates";
    static final String FAST_HASHES = "yanxiu.accounts.bcrypt-strength=4";
    static final String THREE_TRIES = "yanxiu.login.max-failures=3";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Accounts accounts;

    @Autowired
    CreditLedger ledger;

    WebCounty county;

    @org.springframework.beans.factory.annotation.Value("${yanxiu.rules.root}")
    Path rulesRoot;

    enum Who { ANONYMOUS, ADMIN, AUDITOR, APPROVER, TEACHER }

    @BeforeAll
    void county(@Autowired SpreadsheetImporter importer, @Autowired EvaluationService evaluation, @Autowired CreditLedger ledger,
                @TempDir Path dir) throws Exception {
        county = WebCounty.build(jdbc, importer, evaluation, ledger, accounts, rulesRoot, dir, 160);
    }

    private <T extends MockHttpServletRequestBuilder> T as(Who who, T request) {
        String name = switch (who) {
            case ANONYMOUS -> null;
            case ADMIN -> "admin";
            case AUDITOR -> "auditor";
            case APPROVER -> county.groupLeader().username();
            case TEACHER -> county.teacher().username();
        };
        if (name != null) {
            request.with(user(users.loadUserByUsername(name)));
        }
        return request;
    }

    private int status(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    /** Expected status per role, in the order anonymous, admin, auditor, approver, teacher. */
    private void expect(String what, java.util.function.Supplier<MockHttpServletRequestBuilder> request, int... statuses) throws Exception {
        Map<Who, Integer> actual = new LinkedHashMap<>();
        Map<Who, Integer> expected = new LinkedHashMap<>();
        for (Who who : Who.values()) {
            actual.put(who, status(as(who, request.get())));
            expected.put(who, statuses[who.ordinal()]);
        }
        assertThat(actual).as(what).isEqualTo(expected);
    }

    @Test
    void theExplanationPageWritesScoresWithADecimalPointWhateverLanguageTheBrowserAsksFor() throws Exception {
        String path = "/runs/" + county.run().id() + "/teachers/" + county.otherTeacher().username();
        for (String language : new String[] {"de-DE", "fr-FR", "en-US", "zh-CN"}) {
            String page = mvc.perform(as(Who.AUDITOR, get(path)).header("Accept-Language", language)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(language).containsPattern("最终得分 \\d+\\.\\d{2} 分").doesNotContainPattern("得分 \\d+,\\d{2} 分");
        }
    }

    @Test
    void pagesAreReachedOnlyByTheRolesTheyServe() throws Exception {
        long run = county.run().id();
        String other = county.otherTeacher().username();
        // anonymous → sign-in page (302); wrong role → 403
        expect("管理概览", () -> get("/admin"), 302, 200, 403, 403, 403);
        expect("导入", () -> get("/admin/import"), 302, 200, 403, 403, 403);
        expect("账号", () -> get("/admin/accounts"), 302, 200, 403, 403, 403);
        expect("发起评价", () -> get("/admin/runs/new"), 302, 200, 403, 403, 403);
        expect("规则集", () -> get("/rule-sets/" + WebCounty.RULES), 302, 200, 200, 403, 403);
        expect("规则文件", () -> get("/rule-sets/" + WebCounty.RULES + "/files/grading.drl"), 302, 200, 200, 403, 403);
        expect("运行列表", () -> get("/runs"), 302, 200, 200, 403, 403);
        expect("运行", () -> get("/runs/" + run), 302, 200, 200, 403, 403);
        expect("运行进度", () -> get("/runs/" + run + "/progress"), 302, 200, 200, 403, 403);
        expect("他人的评价依据", () -> get("/runs/" + run + "/teachers/" + other), 302, 200, 200, 403, 403);
        expect("查找教师", () -> get("/teachers").param("q", "T"), 302, 200, 200, 403, 403);
        expect("县域看板", () -> get("/county"), 302, 200, 200, 403, 403);
        expect("对比", () -> get("/diff"), 302, 200, 200, 403, 403);
        expect("导出", () -> get("/runs/" + run + "/export/results"), 302, 200, 200, 403, 403);
        expect("审批", () -> get("/approvals"), 302, 200, 403, 200, 403);
        expect("我的研修", () -> get("/me"), 302, 403, 403, 200, 200);
        expect("证书核验（公开）", () -> get("/verify/YX-2025-2026-1-ABCDEFGHJK-ABCDE"), 200, 200, 200, 200, 200);
        expect("登录页（公开）", () -> get("/login"), 200, 200, 200, 200, 200);
    }

    @Test
    void appealsAndEvidenceAreReadOnlyByTheTeacherTheirApproversAdministratorsAndAuditors(@Autowired cn.yanxiu.appeals.Appeals appeals) throws Exception {
        String leader = county.groupLeader().username();
        String own = county.teacher().username();
        String group = jdbc.queryForObject("SELECT group_id FROM teacher WHERE id = ?", String.class, leader);
        String school = jdbc.queryForObject("SELECT school_id FROM teacher WHERE id = ?", String.class, leader);
        String inGroup = jdbc.queryForObject("SELECT MIN(id) FROM teacher WHERE group_id = ? AND id <> ? AND id <> ?", String.class, group, leader, own);
        String outside = jdbc.queryForObject("SELECT MIN(id) FROM teacher WHERE school_id <> ? AND id <> ?", String.class, school, own);
        byte[] pdf = cn.yanxiu.appeals.EvidenceSamples.pdf("证明");
        long in = appeals.submit(inGroup, WebCounty.TERM, null, "组内教师的申诉", List.of(new cn.yanxiu.appeals.EvidenceFile("a.pdf", pdf)), inGroup);
        long out = appeals.submit(outside, WebCounty.TERM, null, "他校教师的申诉", List.of(new cn.yanxiu.appeals.EvidenceFile("b.pdf", pdf)), outside);
        long mine = appeals.submit(own, WebCounty.TERM, null, "本人的申诉", List.of(new cn.yanxiu.appeals.EvidenceFile("c.pdf", pdf)), own);
        long inFile = appeals.find(in).orElseThrow().evidence().get(0).id();
        long outFile = appeals.find(out).orElseThrow().evidence().get(0).id();
        long ownFile = appeals.find(mine).orElseThrow().evidence().get(0).id();
        // order: anonymous, admin, auditor, approver (the group leader), teacher; not-allowed readers are told there is no such thing
        expect("申诉列表", () -> get("/approvals/appeals"), 302, 200, 403, 200, 403);
        expect("组内教师的申诉", () -> get("/appeals/" + in), 302, 200, 200, 200, 404);
        expect("他校教师的申诉", () -> get("/appeals/" + out), 302, 200, 200, 404, 404);
        expect("本人的申诉", () -> get("/appeals/" + mine), 302, 200, 200, 404, 200);
        expect("组内教师的证据", () -> get("/evidence/" + inFile), 302, 200, 200, 200, 404);
        expect("他校教师的证据", () -> get("/evidence/" + outFile), 302, 200, 200, 404, 404);
        expect("本人的证据", () -> get("/evidence/" + ownFile), 302, 200, 200, 404, 200);
        expect("处理他校申诉（空理由，被拒绝）", () -> post("/appeals/" + out + "/decision").param("decision", "reject").param("reason", "").with(csrf()),
                302, 302, 403, 404, 404);
        expect("处理组内申诉（空理由，被拒绝）", () -> post("/appeals/" + in + "/decision").param("decision", "reject").param("reason", "").with(csrf()),
                302, 302, 403, 302, 404);
        expect("本人的记录页", () -> get("/me/activities/" + jdbc.queryForObject("SELECT MIN(id) FROM activity WHERE teacher_id = ?", Long.class, own)),
                302, 403, 403, 404, 200);
        assertThat(appeals.find(in).orElseThrow().open()).as("refused decisions changed nothing").isTrue();
        assertThat(appeals.find(out).orElseThrow().open()).isTrue();
        // the listing of an approver holds only their group's appeals
        String listed = mvc.perform(as(Who.APPROVER, get("/approvals/appeals"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).contains(inGroup).doesNotContain(outside);
        for (long id : List.of(in, out, mine)) {
            appeals.reject(id, "测试结束", "tests");
        }
    }

    @Test
    void aTeacherUploadRefusesFilesThatAreNotEvidenceAndKeepsNothing(@Autowired cn.yanxiu.appeals.Appeals appeals) throws Exception {
        String own = county.teacher().username();
        long row = jdbc.queryForObject("SELECT MIN(id) FROM activity WHERE teacher_id = ?", Long.class, own);
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM evidence", Integer.class) + jdbc.queryForObject("SELECT COUNT(*) FROM appeal", Integer.class);
        MvcResult html = mvc.perform(as(Who.TEACHER, multipart("/me/activities/" + row + "/evidence")
                .file(new MockMultipartFile("files", "证明.pdf", "application/pdf", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .with(csrf()))).andReturn();
        assertThat(html.getFlashMap().get("error")).asString().contains("证明.pdf", "不是 PDF、PNG 或 JPEG", "未上传");
        byte[] big = java.util.Arrays.copyOf("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), (int) appeals.maxEvidenceBytes() + 1);
        MvcResult oversized = mvc.perform(as(Who.TEACHER, multipart("/me/appeals").file(new MockMultipartFile("files", "大.pdf", "application/pdf", big))
                .param("term", WebCounty.TERM).param("reason", "漏记").with(csrf()))).andReturn();
        assertThat(oversized.getFlashMap().get("error")).asString().contains("大.pdf", "过大", "未提交");
        MvcResult noReason = mvc.perform(as(Who.TEACHER, multipart("/me/appeals").param("term", WebCounty.TERM).param("reason", "").with(csrf()))).andReturn();
        assertThat(noReason.getFlashMap().get("error")).asString().contains("必须填写申诉理由");
        MvcResult foreign = mvc.perform(as(Who.TEACHER, multipart("/me/activities/" + jdbc.queryForObject("SELECT MIN(id) FROM activity WHERE teacher_id <> ?",
                Long.class, own) + "/evidence").file(new MockMultipartFile("files", "a.pdf", "application/pdf", cn.yanxiu.appeals.EvidenceSamples.pdf("证明")))
                .with(csrf()))).andReturn();
        assertThat(foreign.getFlashMap().get("error")).asString().contains("没有您的这条研修记录");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence", Integer.class) + jdbc.queryForObject("SELECT COUNT(*) FROM appeal", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void changesAreRefusedToEveryoneButTheirOwner() throws Exception {
        String folder = "/admin/rules/" + WebCounty.RULES;
        // the administrator's own answers are redirects back to the page with a message; the bogus term keeps them harmless
        expect("发起评价", () -> post("/admin/runs").param("term", "1999-2000-1").with(csrf()), 302, 302, 403, 403, 403);
        expect("启用规则集", () -> post(folder + "/activate").param("term", "1999-2000-1").with(csrf()), 302, 302, 403, 403, 403);
        expect("撤销修改", () -> post(folder + "/files/grading.drl/undo").with(csrf()), 302, 302, 403, 403, 403);
        expect("提出学分", () -> post("/admin/runs/999999/credits").with(csrf()), 302, 302, 403, 403, 403);
        expect("审批", () -> post("/approvals").param("term", WebCounty.TERM).param("decision", "approve").with(csrf()), 302, 302, 403, 302, 403);
        assertThat(status(as(Who.AUDITOR, post(folder + "/files/grading.drl").param("text", "x").with(csrf())))).isEqualTo(403);
        assertThat(status(as(Who.AUDITOR, post(folder + "/tables/weights.drl.xlsx/grid").param("rows", "0").with(csrf())))).isEqualTo(403);
        assertThat(status(as(Who.APPROVER, post(folder + "/new-year").with(csrf())))).isEqualTo(403);
        assertThat(status(as(Who.TEACHER, multipart("/admin/import").file(new MockMultipartFile("files", "a.csv", "text/csv", new byte[] {1}))
                .with(csrf())))).isEqualTo(403);
        assertThat(status(as(Who.AUDITOR, post("/admin/accounts/teachers").with(csrf())))).isEqualTo(403);
        assertThat(status(as(Who.APPROVER, post("/admin/accounts/admin/password").with(csrf())))).isEqualTo(403);
        assertThat(status(as(Who.AUDITOR, post("/admin/accounts/admin/disabled").param("disabled", "true").with(csrf())))).isEqualTo(403);
    }

    @Test
    void theApiAnswersWithTheSamePermissions() throws Exception {
        long run = county.run().id();
        String own = county.teacher().username();
        String other = county.otherTeacher().username();
        // anonymous → 401 with no browser challenge
        expect("运行列表", () -> get("/api/runs"), 401, 200, 200, 403, 403);
        expect("运行", () -> get("/api/runs/" + run), 401, 200, 200, 403, 403);
        expect("查找教师", () -> get("/api/teachers").param("q", "T"), 401, 200, 200, 403, 403);
        expect("自己的评价依据", () -> get("/api/runs/" + run + "/teachers/" + own), 401, 200, 200, 403, 200);
        expect("他人的评价依据", () -> get("/api/runs/" + run + "/teachers/" + other), 401, 200, 200, 403, 403);
        expect("他人的研修记录", () -> get("/api/teachers/" + other + "/activities").param("term", WebCounty.TERM), 401, 200, 200, 403, 403);
        expect("自己的研修记录", () -> get("/api/teachers/" + own + "/activities").param("term", WebCounty.TERM), 401, 200, 200, 403, 200);
        expect("审批队列", () -> get("/api/credits/queue").param("term", WebCounty.TERM), 401, 200, 200, 200, 403);
        expect("县域汇总", () -> get("/api/county/" + run), 401, 200, 200, 403, 403);
        expect("规则集", () -> get("/api/rule-sets"), 401, 200, 200, 403, 403);
        expect("接口说明", () -> get("/api/openapi"), 401, 200, 200, 200, 200);
        expect("发起评价", () -> post("/api/admin/runs").contentType(MediaType.APPLICATION_JSON).content("{\"term\":\"1999-2000-1\"}"),
                401, 409, 403, 403, 403);
        expect("启用规则集", () -> post("/api/admin/rule-sets/" + WebCounty.RULES + "/activate").contentType(MediaType.APPLICATION_JSON)
                .content("{\"term\":\"1999-2000-1\"}"), 401, 409, 403, 403, 403);
        expect("审批通过", () -> post("/api/credits/approve").contentType(MediaType.APPLICATION_JSON)
                .content("{\"term\":\"" + WebCounty.TERM + "\",\"entries\":[]}"), 401, 200, 403, 200, 403);
        expect("证书核验（公开）", () -> get("/api/certificates/nope"), 404, 404, 404, 404, 404);
        String description = mvc.perform(get("/api/openapi").with(httpBasic("auditor", county.auditorPassword()))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(description).contains("研修 Yanxiu API", "/api/runs/{id}/teachers/{teacherId}", "/api/credits/approve", "\"basic\"");
        MvcResult anonymous = mvc.perform(get("/api/runs")).andReturn();
        assertThat(anonymous.getResponse().getHeader("WWW-Authenticate")).isNull();
        assertThat(anonymous.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("需要登录");
    }

    @Test
    void anApproverMovesOnlyEntriesOfTheirOwnGroup() throws Exception {
        String leader = county.groupLeader().username();
        String group = jdbc.queryForObject("SELECT group_id FROM teacher WHERE id = ?", String.class, leader);
        List<Long> own = jdbc.queryForList("SELECT e.id FROM credit_entry e JOIN teacher t ON t.id = e.teacher_id WHERE e.status = 'PROPOSED' "
                + "AND t.group_id = ? AND t.id <> ? ORDER BY e.id", Long.class, group, leader);
        List<Long> self = jdbc.queryForList("SELECT id FROM credit_entry WHERE teacher_id = ? AND status = 'PROPOSED'", Long.class, leader);
        List<Long> foreign = jdbc.queryForList("SELECT e.id FROM credit_entry e JOIN teacher t ON t.id = e.teacher_id WHERE e.status = 'PROPOSED' "
                + "AND (t.group_id <> ? OR t.group_id IS NULL) ORDER BY e.id", Long.class, group);
        assertThat(own).hasSizeGreaterThan(1);
        assertThat(foreign).isNotEmpty();

        MvcResult result = mvc.perform(post("/api/credits/approve").with(httpBasic(leader, county.groupLeader().password()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"term\":\"" + WebCounty.TERM + "\",\"entries\":[" + own.get(0) + "," + foreign.get(0)
                        + "],\"comment\":\"同意\"}")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).isEqualTo("{\"approved\":1}");
        assertThat(jdbc.queryForObject("SELECT status FROM credit_entry WHERE id = ?", String.class, own.get(0))).isEqualTo("GROUP_APPROVED");
        assertThat(jdbc.queryForObject("SELECT status FROM credit_entry WHERE id = ?", String.class, foreign.get(0))).isEqualTo("PROPOSED");
        assertThat(jdbc.queryForObject("SELECT actor FROM credit_step WHERE entry_id = ?", String.class, own.get(0))).isEqualTo(leader);
        assertThat(self).as("the leader's own entry waits too").hasSize(1);
        // one's own entry is decided by the next level up
        MvcResult mine = mvc.perform(post("/api/credits/approve").with(httpBasic(leader, county.groupLeader().password()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"term\":\"" + WebCounty.TERM + "\",\"entries\":[" + self.get(0) + "]}")).andReturn();
        assertThat(mine.getResponse().getContentAsString()).isEqualTo("{\"approved\":0}");
        assertThat(jdbc.queryForObject("SELECT status FROM credit_entry WHERE id = ?", String.class, self.get(0))).isEqualTo("PROPOSED");

        // the page: the queue lists only the group; sending back needs a reason
        String page = mvc.perform(as(Who.APPROVER, get("/approvals"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("value=\"" + own.get(1) + "\"").doesNotContain("value=\"" + foreign.get(0) + "\"");
        MvcResult noReason = mvc.perform(as(Who.APPROVER, post("/approvals")).param("term", WebCounty.TERM).param("entry", own.get(1).toString())
                .param("decision", "return").with(csrf())).andReturn();
        assertThat(noReason.getFlashMap().get("error").toString()).contains("退回必须说明原因");
        assertThat(jdbc.queryForObject("SELECT status FROM credit_entry WHERE id = ?", String.class, own.get(1))).isEqualTo("PROPOSED");
    }

    @Test
    void malformedAndOversizedApiRequestsAreRefusedAndChangeNothing() throws Exception {
        String before = jdbc.queryForObject("SELECT COUNT(*) || '/' || COALESCE(SUM(CASE WHEN status = 'PROPOSED' THEN 1 ELSE 0 END), 0) FROM credit_entry",
                String.class);
        MvcResult broken = mvc.perform(as(Who.ADMIN, post("/api/credits/approve")).contentType(MediaType.APPLICATION_JSON).content("{\"term\": [")).andReturn();
        assertThat(broken.getResponse().getStatus()).isEqualTo(400);
        assertThat(broken.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("请求格式不对");
        MvcResult wrongType = mvc.perform(as(Who.ADMIN, post("/api/credits/approve")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"term\":\"" + WebCounty.TERM + "\",\"step\":\"EVERYTHING\",\"entries\":[1]}")).andReturn();
        assertThat(wrongType.getResponse().getStatus()).isEqualTo(400);
        MvcResult missing = mvc.perform(as(Who.ADMIN, post("/api/credits/approve")).contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        byte[] huge = new byte[(int) ApiBodyLimit.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        MvcResult oversized = mvc.perform(as(Who.ADMIN, post("/api/credits/approve")).contentType(MediaType.APPLICATION_JSON).content(huge)).andReturn();
        assertThat(oversized.getResponse().getStatus()).isEqualTo(413);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) || '/' || COALESCE(SUM(CASE WHEN status = 'PROPOSED' THEN 1 ELSE 0 END), 0) FROM credit_entry",
                String.class)).isEqualTo(before);
    }

    @Test
    void aTeacherDownloadsTheirOwnCertificateAndNoOneElses(@Autowired cn.yanxiu.certificates.Certificates certificates, @TempDir Path out)
            throws Exception {
        String owner = county.teacher().username(); // passed, so eligible
        cn.yanxiu.credits.CreditFilter own = new cn.yanxiu.credits.CreditFilter(WebCounty.TERM, null, null, owner);
        for (cn.yanxiu.credits.CreditStep step : cn.yanxiu.credits.CreditStep.values()) {
            ledger.approve(step, own, "测试审批", null);
        }
        certificates.issue(county.run().id(), "县教师发展中心", out, null);
        List<String> serials = jdbc.queryForList("SELECT serial FROM certificate WHERE teacher_id = ?", String.class, owner);
        assertThat(serials).hasSize(1);
        String serial = serials.get(0);

        MvcResult mine = mvc.perform(get("/me/certificates/" + serial).with(user(users.loadUserByUsername(owner)))).andReturn();
        assertThat(mine.getResponse().getStatus()).isEqualTo(200);
        assertThat(mine.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(new String(mine.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // the approver here is a teacher too, but not this one
        expect("本人的证书", () -> get("/me/certificates/" + serial), 302, 403, 403, 404, 200);
        assertThat(status(get("/me/certificates/" + serial).with(user(users.loadUserByUsername(county.otherTeacher().username()))))).isEqualTo(404);

        // revoked: never downloadable again, and the page says so instead of offering it
        certificates.revoke(serial, "管理员", "学分更正");
        assertThat(status(get("/me/certificates/" + serial).with(user(users.loadUserByUsername(owner))))).isIn(404, 409, 410);
        String page = mvc.perform(get("/me").with(user(users.loadUserByUsername(owner)))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("已撤销，不再提供下载").doesNotContain("/me/certificates/" + serial);
    }

    @Test
    void whatWouldRaiseTheGradeIsWorkedOutWhenTheTeacherAsksAndOnlyForThemselves(@Autowired cn.yanxiu.evaluation.ExplanationService explanations)
            throws Exception {
        String page = mvc.perform(as(Who.TEACHER, get("/me"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("正在按本学期的规则推算");
        java.util.regex.Matcher asked = java.util.regex.Pattern.compile("data-raise=\"/me/raise\\?run=(\\d+)\"").matcher(page);
        assertThat(asked.find()).as("the page asks for the hint of its run").isTrue();
        long run = Long.parseLong(asked.group(1));

        expect("怎样提高一级", () -> get("/me/raise").param("run", "999999"), 302, 403, 403, 204, 204);
        MvcResult mine = mvc.perform(as(Who.TEACHER, get("/me/raise").param("run", String.valueOf(run)))).andReturn();
        String hint = explanations.raiseHint(run, county.teacher().username());
        assertThat(mine.getResponse().getStatus()).isEqualTo(hint == null ? 204 : 200);
        assertThat(mine.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(hint == null ? "" : hint);
        assertThat(status(as(Who.TEACHER, get("/me/raise").param("run", "x")))).isIn(400, 404);

        // a teacher whose grade is not the top one is told what to add
        String lowest = jdbc.queryForObject("SELECT MIN(teacher_id) FROM evaluation_result WHERE run_id = ? AND grade = '不合格'", String.class, run);
        assertThat(explanations.raiseHint(run, lowest)).isNotBlank();
    }

    @Test
    void eachSchoolsCertificateZipDownloadsFromTheRunPage() throws Exception {
        long run = county.run().id();
        // one teacher outside the group leader's school, so the approval tests keep their queues
        String teacher = jdbc.queryForObject("SELECT MIN(e.teacher_id) FROM credit_entry e JOIN teacher t ON t.id = e.teacher_id WHERE e.run_id = ? "
                + "AND e.status = 'PROPOSED' AND t.school_id <> (SELECT school_id FROM teacher WHERE id = ?) AND e.teacher_id NOT IN (?, ?)", String.class,
                run, county.groupLeader().username(), county.teacher().username(), county.otherTeacher().username());
        String school = jdbc.queryForObject("SELECT school_id FROM teacher WHERE id = ?", String.class, teacher);
        cn.yanxiu.credits.CreditFilter one = new cn.yanxiu.credits.CreditFilter(WebCounty.TERM, null, null, teacher);
        for (cn.yanxiu.credits.CreditStep step : cn.yanxiu.credits.CreditStep.values()) {
            ledger.approve(step, one, "测试审批", null);
        }
        MvcResult issued = mvc.perform(as(Who.ADMIN, post("/admin/runs/" + run + "/certificates")).with(csrf())).andReturn();
        assertThat(issued.getFlashMap().get("ok").toString()).contains("可在本页下载");
        String page = mvc.perform(as(Who.ADMIN, get("/runs/" + run))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/admin/runs/" + run + "/certificates/" + school + ".zip");
        MvcResult zip = mvc.perform(as(Who.ADMIN, get("/admin/runs/" + run + "/certificates/" + school + ".zip"))).andReturn();
        assertThat(zip.getResponse().getContentType()).isEqualTo("application/zip");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.getResponse().getContentAsByteArray()))) {
            assertThat(in.getNextEntry()).as("the ZIP holds the school's PDFs").isNotNull();
        }
        assertThat(status(as(Who.AUDITOR, get("/admin/runs/" + run + "/certificates/" + school + ".zip")))).isEqualTo(403);
        assertThat(status(as(Who.ADMIN, get("/admin/runs/" + run + "/certificates/..%2F..%2Fetc.zip")))).isIn(400, 404);
        assertThat(status(as(Who.ADMIN, get("/admin/runs/" + run + "/certificates/NOPE.zip")))).isIn(400, 404);
    }

    @Test
    void anInterruptedRunIsResumedFromItsPageToExactlyOneResultPerTeacher(@Autowired EvaluationService evaluation) throws Exception {
        // a run that stopped before evaluating anyone (its executor never ran it), then marked interrupted as a restart would find it
        cn.yanxiu.evaluation.EvaluationRuns.Run run = evaluation.startInBackground(WebCounty.TERM, rulesRoot.resolve(WebCounty.RULES), null, "全部",
                "tests", task -> { });
        jdbc.update("UPDATE evaluation_run SET status = 'INTERRUPTED' WHERE id = ?", run.id());
        String page = mvc.perform(as(Who.ADMIN, get("/runs/" + run.id()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("这次运行中断了", "继续运行");
        assertThat(status(as(Who.AUDITOR, post("/admin/runs/" + run.id() + "/resume")).with(csrf()))).isEqualTo(403);

        MvcResult resumed = mvc.perform(as(Who.ADMIN, post("/admin/runs/" + run.id() + "/resume")).with(csrf())).andReturn();

        assertThat(resumed.getFlashMap().get("ok").toString()).contains("已继续");
        org.awaitility.Awaitility.await("run #" + run.id() + " completed").atMost(java.time.Duration.ofMinutes(2))
                .until(() -> jdbc.queryForObject("SELECT status FROM evaluation_run WHERE id = ?", String.class, run.id()), "COMPLETED"::equals);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ?", Integer.class, run.id()))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Integer.class));
        MvcResult again = mvc.perform(as(Who.ADMIN, post("/admin/runs/" + run.id() + "/resume")).with(csrf())).andReturn();
        assertThat(again.getFlashMap().get("error").toString()).contains("已完成", "不能继续");
    }

    @Test
    void theAuditorComparesTwoRunsAndTwoRuleSets() throws Exception {
        long run = county.run().id();
        String runs = mvc.perform(as(Who.AUDITOR, get("/diff")).param("left", String.valueOf(run)).param("right", String.valueOf(run))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        int teachers = jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Integer.class);
        assertThat(runs).contains("共 " + teachers + " 位教师，0 位有变化（其中等级改变 0 位）");
        String rules = mvc.perform(as(Who.AUDITOR, get("/diff")).param("leftRules", WebCounty.RULES).param("rightRules", WebCounty.FAILING_TESTS)
                .param("term", WebCounty.TERM)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rules).as("the two folders differ only in their tests").contains("共 " + teachers + " 位教师，0 位有变化（其中等级改变 0 位）");
        assertThat(status(as(Who.AUDITOR, get("/diff")).param("left", "999999").param("right", String.valueOf(run)))).isEqualTo(404);
        assertThat(status(as(Who.AUDITOR, get("/diff")).param("leftRules", "../..").param("rightRules", WebCounty.RULES).param("term", WebCounty.TERM)))
                .isEqualTo(404);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        assertThat(status(as(Who.APPROVER, post("/approvals")).param("term", WebCounty.TERM).param("decision", "approve"))).isEqualTo(403);
        assertThat(status(as(Who.ADMIN, post("/admin/accounts/teachers")))).isEqualTo(403);
    }

    @Test
    void signInWorksAndRepeatedWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        MvcResult ok = mvc.perform(formLogin("/login").user("auditor").password("auditor-password-1")).andReturn();
        assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/");
        String teacher = county.otherTeacher().username();
        for (int i = 0; i < 3; i++) {
            assertThat(mvc.perform(formLogin("/login").user(teacher).password("wrong-password")).andReturn().getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        String locked = mvc.perform(formLogin("/login").user(teacher).password(county.otherTeacher().password())).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(locked).startsWith("/login?locked=");
        assertThat(status(get("/api/runs").with(httpBasic(teacher, county.otherTeacher().password())))).isEqualTo(401);
        String page = mvc.perform(get(locked)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("账号已暂时锁定");
    }

    @Test
    void passwordsAreStoredOnlyAsHashesAndTheFirstAdminPasswordIsShownOnce() {
        assertThat(jdbc.queryForList("SELECT password_hash FROM user_account", String.class)).allMatch(h -> h.startsWith("$2a$"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE password_hash LIKE ?", Integer.class,
                "%" + county.teacher().password() + "%")).isZero();
        assertThat(county.created()).hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Integer.class));
        assertThat(accounts.ensureFirstAdmin("admin2", null)).as("an administrator exists already").isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create("x", "短", java.util.EnumSet.of(cn.yanxiu.accounts.AccountRole.AUDITOR),
                null, null, null, null, "short", "tests")).hasMessageContaining("用户名");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create("auditor2", "审计", java.util.EnumSet.of(cn.yanxiu.accounts.AccountRole.AUDITOR),
                null, null, null, null, "short", "tests")).hasMessageContaining("密码长度");
    }

    @Test
    void anAdministratorResetsAForgottenPasswordAndOnlyTheNewOneWorks() throws Exception {
        // not one the sign-in test locks
        String teacher = county.created().stream().map(Accounts.Created::username).filter(u -> !u.equals(county.teacher().username())
                && !u.equals(county.otherTeacher().username()) && !u.equals(county.groupLeader().username())).findFirst().orElseThrow();
        MvcResult reset = mvc.perform(as(Who.ADMIN, post("/admin/accounts/" + teacher + "/password")).with(csrf())).andReturn();
        String fresh = reset.getFlashMap().get("ok").toString().replaceAll(".*新密码：(\\w+).*", "$1");
        assertThat(fresh).hasSize(12);
        assertThat(status(get("/api/teachers/" + teacher + "/activities").param("term", WebCounty.TERM).with(httpBasic(teacher, fresh)))).isEqualTo(200);
        assertThat(status(get("/api/teachers/" + teacher + "/activities").param("term", WebCounty.TERM)
                .with(httpBasic(county.teacher().username(), "not-the-password")))).isEqualTo(401);
    }

    @Test
    void aSwitchedOffAccountCannotSignInUntilSwitchedOnAndTheLastAdministratorStays() throws Exception {
        Accounts.Created who = county.created().stream().filter(c -> !c.username().equals(county.teacher().username())
                && !c.username().equals(county.otherTeacher().username()) && !c.username().equals(county.groupLeader().username()))
                .skip(1).findFirst().orElseThrow();
        MvcResult off = mvc.perform(as(Who.ADMIN, post("/admin/accounts/" + who.username() + "/disabled")).param("disabled", "true").with(csrf()))
                .andReturn();
        assertThat(off.getFlashMap().get("ok").toString()).contains("已停用");
        assertThat(mvc.perform(formLogin("/login").user(who.username()).password(who.password())).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?disabled");
        assertThat(status(get("/api/openapi").with(httpBasic(who.username(), who.password())))).isEqualTo(401);

        mvc.perform(as(Who.ADMIN, post("/admin/accounts/" + who.username() + "/disabled")).param("disabled", "false").with(csrf())).andReturn();
        assertThat(status(get("/api/openapi").with(httpBasic(who.username(), who.password())))).isEqualTo(200);

        MvcResult self = mvc.perform(as(Who.ADMIN, post("/admin/accounts/admin/disabled")).param("disabled", "true").with(csrf())).andReturn();
        assertThat(self.getFlashMap().get("error").toString()).contains("不能停用自己");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.setDisabled("admin", true, "someone-else"))
                .hasMessageContaining("最后一个可用的管理员");
        assertThat(accounts.find("admin").orElseThrow().account().disabled()).isFalse();
    }

    @Test
    void theDiffFormOffersTheNewestRunAgainstTheOneBeforeIt(@Autowired cn.yanxiu.evaluation.EvaluationService evaluation) throws Exception {
        while (jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_run WHERE status = 'COMPLETED'", Integer.class) < 2) {
            evaluation.evaluate(WebCounty.TERM, county.rulesRoot().resolve(WebCounty.RULES), "全部", "diff-test", null);
        }
        List<Long> completed = jdbc.queryForList("SELECT id FROM evaluation_run WHERE status = 'COMPLETED' ORDER BY id DESC", Long.class);
        String page = mvc.perform(as(Who.AUDITOR, get("/diff"))).andReturn().getResponse().getContentAsString();
        assertThat(selected(page, "left")).isEqualTo(String.valueOf(completed.get(1)));
        assertThat(selected(page, "right")).isEqualTo(String.valueOf(completed.get(0)));
    }

    private static String selected(String page, String select) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<select name=\"" + select + "\"[^>]*>(.*?)</select>", java.util.regex.Pattern.DOTALL).matcher(page);
        assertThat(m.find()).isTrue();
        java.util.regex.Matcher option = java.util.regex.Pattern.compile("<option value=\"([^\"]+)\" selected=\"selected\"").matcher(m.group(1));
        return option.find() ? option.group(1) : null;
    }

    @Test
    void theTeacherPageTellsEachTeacherTheTruthAboutTheirCertificate() throws Exception {
        long run = county.run().id();
        for (String grade : List.of("不合格", "合格")) {
            String id = jdbc.queryForObject("SELECT MIN(r.teacher_id) FROM evaluation_result r WHERE r.run_id = ? AND r.grade = ? AND r.vetoed = FALSE "
                    + "AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.teacher_id = r.teacher_id) AND r.teacher_id NOT IN (?, ?, ?)",
                    String.class, run, grade, county.teacher().username(), county.otherTeacher().username(), county.groupLeader().username());
            Accounts.Created who = county.created().stream().filter(c -> c.username().equals(id)).findFirst().orElseThrow();
            String page = mvc.perform(get("/me").cookie(signedIn(who))).andReturn().getResponse().getContentAsString();
            if (grade.equals("不合格")) {
                assertThat(page).contains("本学期不发学分证书").doesNotContain("可以获得学分证书");
            } else {
                assertThat(page).contains("可以获得学分证书").doesNotContain("不发学分证书");
            }
        }
    }

    @Test
    void switchingAnAccountOffOrResettingItsPasswordEndsItsOpenSessions() throws Exception {
        List<Accounts.Created> spare = county.created().stream().filter(c -> !c.username().equals(county.teacher().username())
                && !c.username().equals(county.otherTeacher().username()) && !c.username().equals(county.groupLeader().username()))
                .skip(2).limit(2).toList();
        Accounts.Created off = spare.get(0);
        jakarta.servlet.http.Cookie session = signedIn(off);
        assertThat(mvc.perform(get("/me").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        mvc.perform(as(Who.ADMIN, post("/admin/accounts/" + off.username() + "/disabled")).param("disabled", "true").with(csrf())).andReturn();
        assertThat(mvc.perform(get("/me").cookie(session)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?ended");
        mvc.perform(as(Who.ADMIN, post("/admin/accounts/" + off.username() + "/disabled")).param("disabled", "false").with(csrf())).andReturn();
        assertThat(mvc.perform(get("/me").cookie(session)).andReturn().getResponse().getRedirectedUrl())
                .as("the ended session stays ended after the account is switched on again").isNotNull();

        Accounts.Created reset = spare.get(1);
        jakarta.servlet.http.Cookie other = signedIn(reset);
        assertThat(mvc.perform(get("/me").cookie(other)).andReturn().getResponse().getStatus()).isEqualTo(200);
        accounts.resetPassword(reset.username());
        assertThat(mvc.perform(get("/me").cookie(other)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?ended");
    }

    /** Signs in through the form; the session lives in the database and the cookie names it, as a browser's would. */
    private jakarta.servlet.http.Cookie signedIn(Accounts.Created who) throws Exception {
        MvcResult signIn = mvc.perform(formLogin("/login").user(who.username()).password(who.password())).andReturn();
        assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo("/");
        return signIn.getResponse().getCookie("SESSION");
    }

    /** A file of the sample rule set as the database holds it now (the store every instance reads). */
    private byte[] stored(String file) {
        return storedBytes(WebCounty.RULES, file);
    }

    private String storedText(String file) {
        return storedText(WebCounty.RULES, file);
    }

    private String storedText(String folder, String file) {
        return new String(storedBytes(folder, file), StandardCharsets.UTF_8);
    }

    private byte[] storedBytes(String folder, String file) {
        return jdbc.queryForObject("SELECT content FROM rule_file WHERE rules_folder = ? AND file_name = ?", byte[].class, folder, file);
    }

    @Test
    void aBrokenRuleEditIsShownOnItsLineAndNothingIsSaved() throws Exception {
        Path file = county.rulesRoot().resolve(WebCounty.RULES).resolve("grading.drl");
        String before = Files.readString(file);
        String broken = before.replaceFirst("then", "thn");
        int line = before.substring(0, before.indexOf("then")).split("\n", -1).length;

        MvcResult refused = mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/files/grading.drl")).param("text", broken).with(csrf()))
                .andReturn();

        String page = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("未保存", "grading.drl:").contains("class=\"hit\"");
        assertThat(storedText("grading.drl")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rule_file_revision WHERE file_name = 'grading.drl'", Integer.class)).isZero();
        assertThat(line).isPositive();

        // a rule that reaches past the fact model is refused like a syntax error
        String hostile = before.replaceFirst("then", "then\n        System.exit(0);");
        String page2 = mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/files/grading.drl")).param("text", hostile).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page2).contains("未保存", "System");
        assertThat(storedText("grading.drl")).isEqualTo(before);

        // a file name that tries to leave the folder, or is not a DRL file, is refused
        assertThat(status(as(Who.ADMIN, get("/rule-sets/" + WebCounty.RULES + "/files/..%2F..%2Fpom.xml")))).isIn(400, 404);
        assertThat(status(as(Who.ADMIN, get("/rule-sets/..%2F..%2Fsrc")))).isIn(400, 404);
        assertThat(status(as(Who.ADMIN, get("/rule-sets/" + WebCounty.RULES + "/files/nope.drl")))).isEqualTo(404);
        MvcResult missing = mvc.perform(as(Who.ADMIN, get("/rule-sets/1999-2000"))).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(missing.getResponse().getContentType()).startsWith("text/html");
        assertThat(missing.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("没有规则集文件夹 1999-2000");
        assertThat(status(as(Who.ADMIN, get("/rule-sets/" + WebCounty.RULES + "/files/.hidden.drl")))).isEqualTo(404);
        String wrongKind = mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/files/manifest.yaml")).param("text", "x").with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(wrongKind).contains("只能编辑 .drl 文件");
        assertThat(storedText("manifest.yaml")).doesNotContain("x\n").isNotEqualTo("x");
    }

    @Test
    void aGoodRuleEditIsSavedAndCanBeUndone() throws Exception {
        Path file = county.rulesRoot().resolve(WebCounty.RULES).resolve("duties.drl");
        String before = Files.readString(file);
        String edited = before + "\n// 2025-2026 学年复核：无改动\n";

        MvcResult saved = mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/files/duties.drl")).param("text", edited).with(csrf()))
                .andReturn();
        assertThat(saved.getFlashMap().get("ok").toString()).contains("已保存", "校验通过");
        assertThat(storedText("duties.drl")).isEqualTo(edited);

        mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/files/duties.drl/undo")).with(csrf())).andReturn();
        assertThat(storedText("duties.drl")).isEqualTo(before);
        assertThat(Files.readString(file)).as("the folder on disk only seeded the store").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rule_file_revision WHERE file_name = 'duties.drl'", Integer.class)).isEqualTo(2);
    }

    /** The grid form as the page posts it: every cell of every row, with {@code edit} applied to the rows. */
    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder grid(String file,
            java.util.function.Consumer<List<List<String>>> edit) throws java.io.IOException {
        cn.yanxiu.rules.TableGrid grid = cn.yanxiu.rules.TableGrid.read(stored(file));
        List<List<String>> rows = new java.util.ArrayList<>();
        grid.rows().forEach(r -> rows.add(new java.util.ArrayList<>(r)));
        edit.accept(rows);
        var request = post("/admin/rules/" + WebCounty.RULES + "/tables/" + file + "/grid").param("rows", String.valueOf(rows.size())).with(csrf());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                request.param("c" + r + "_" + c, rows.get(r).get(c));
            }
        }
        return request;
    }

    @Test
    void aDecisionTableEditedAsAGridIsValidatedSavedAndUndone() throws Exception {
        Path file = county.rulesRoot().resolve(WebCounty.RULES).resolve("parameters.drl.xlsx");
        byte[] before = Files.readAllBytes(file);
        MvcResult page = mvc.perform(as(Who.ADMIN, get("/rule-sets/" + WebCounty.RULES + "/files/parameters.drl.xlsx"))).andReturn();
        assertThat(page.getResponse().getContentAsString()).contains("id=\"grid\"", "参数-H1-每学期个人研修学时", "新增一行");

        MvcResult saved = mvc.perform(as(Who.ADMIN, grid("parameters.drl.xlsx", rows -> rows.stream()
                .filter(r -> r.get(0).equals("参数-H1-每学期个人研修学时")).forEach(r -> r.set(2, "45"))))).andReturn();
        assertThat(saved.getFlashMap().get("ok").toString()).contains("已保存", "校验通过");
        assertThat(cn.yanxiu.rules.TableGrid.read(stored("parameters.drl.xlsx")).rows())
                .anySatisfy(r -> assertThat(r.subList(0, 3)).containsExactly("参数-H1-每学期个人研修学时", "H1-每学期个人研修学时", "45"));

        mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/files/parameters.drl.xlsx/undo")).with(csrf())).andReturn();
        assertThat(stored("parameters.drl.xlsx")).isEqualTo(before);
    }

    @Test
    void aGridEditThatBreaksThePolicyIsRefusedWithTheRowMarkedAndNothingSaved() throws Exception {
        Path file = county.rulesRoot().resolve(WebCounty.RULES).resolve("weights.drl.xlsx");
        byte[] before = Files.readAllBytes(file);
        MvcResult refused = mvc.perform(as(Who.ADMIN, grid("weights.drl.xlsx", rows -> rows.get(0).set(3, "65")))).andReturn();
        String html = refused.getResponse().getContentAsString();
        assertThat(html).contains("未保存", "合计为 105", "weights.drl.xlsx!权重!", "value=\"65\"").contains("class=\"missed\"");
        assertThat(stored("weights.drl.xlsx")).isEqualTo(before);

        // deleting every row of the level table is refused too; a row added in the blank line is kept as typed
        MvcResult empty = mvc.perform(as(Who.ADMIN, grid("bands.drl.xlsx", List::clear))).andReturn();
        assertThat(empty.getResponse().getContentAsString()).contains("未保存");
        assertThat(stored("bands.drl.xlsx"))
                .isEqualTo(Files.readAllBytes(Path.of("rules", WebCounty.RULES, "bands.drl.xlsx")));
    }

    @Test
    void theManifestIsAFormAndTheTestsAreCheckedBeforeTheyAreSaved() throws Exception {
        Path dir = county.rulesRoot().resolve(WebCounty.RULES);
        byte[] manifest = Files.readAllBytes(dir.resolve("manifest.yaml"));
        byte[] tests = Files.readAllBytes(dir.resolve("tests/policies.yaml"));
        String form = mvc.perform(as(Who.ADMIN, get("/rule-sets/" + WebCounty.RULES + "/manifest"))).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"manifest-form\"", "value=\"2025-2026-1\"", "2025-09-01");

        // a grade the level table does not have: refused, nothing written
        MvcResult refused = mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/manifest")).with(csrf())
                .param("academicYear", "2025-2026").param("terms", "1").param("t0_id", "2025-2026-1").param("t0_name", "第一学期")
                .param("t0_start", "2025-09-01").param("t0_end", "2026-01-11").param("t0_weeks", "19").param("grades", "优秀\n良好\n合格\n不合格"))
                .andReturn();
        assertThat(refused.getResponse().getContentAsString()).contains("未保存", "不一致");
        assertThat(stored("manifest.yaml")).isEqualTo(manifest);

        // the same terms renamed: saved, and undone
        MvcResult saved = mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/manifest")).with(csrf())
                .param("academicYear", "2025-2026").param("terms", "2")
                .param("t0_id", "2025-2026-1").param("t0_name", "秋季学期").param("t0_start", "2025-09-01").param("t0_end", "2026-01-11").param("t0_weeks", "19")
                .param("t1_id", "2025-2026-2").param("t1_name", "春季学期").param("t1_start", "2026-02-23").param("t1_end", "2026-07-05").param("t1_weeks", "19")
                .param("grades", "优秀\n合格\n不合格")).andReturn();
        assertThat(saved.getFlashMap().get("ok").toString()).contains("已保存");
        assertThat(storedText("manifest.yaml")).contains("\"秋季学期\"", "start: 2025-09-01");
        mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/files/manifest.yaml/undo")).with(csrf())).andReturn();
        assertThat(stored("manifest.yaml")).isEqualTo(manifest);

        String broken = mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/tests")).with(csrf())
                .param("text", "cases:\n  - name: 甲\n    expect: {grade: 优秀\n")).andReturn().getResponse().getContentAsString();
        assertThat(broken).contains("未保存", "tests/policies.yaml:", "YAML");
        assertThat(stored("tests/policies.yaml")).isEqualTo(tests);
        assertThat(status(as(Who.AUDITOR, post("/admin/rules/" + WebCounty.RULES + "/tests").param("text", "x").with(csrf())))).isEqualTo(403);
        assertThat(status(as(Who.AUDITOR, post("/admin/rules/" + WebCounty.RULES + "/manifest").with(csrf())))).isEqualTo(403);
    }

    @Test
    void theNextYearIsOpenedFromTheRuleSetPage() throws Exception {
        MvcResult opened = mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/new-year")).with(csrf())).andReturn();
        assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/rule-sets/2026-2027");
        assertThat(opened.getFlashMap().get("ok").toString()).contains("2026-2027", "parameters.drl.xlsx");
        assertThat(storedText("2026-2027", "manifest.yaml")).contains("academicYear: 2026-2027");
        assertThat(county.rulesRoot().resolve("2026-2027")).as("kept in the database, not beside one instance").doesNotExist();
        MvcResult again = mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/new-year")).with(csrf())).andReturn();
        assertThat(again.getFlashMap().get("error").toString()).contains("已存在");
    }

    @Test
    void aRuleSetIsActivatedOnlyWhenItValidatesAndItsTestsPass() throws Exception {
        MvcResult refused = mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.FAILING_TESTS + "/activate")).param("term", WebCounty.TERM)
                .with(csrf())).andReturn();
        assertThat(refused.getFlashMap().get("error").toString()).contains("测试未全部通过", "不能启用");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rule_activation", Integer.class)).isZero();

        MvcResult activated = mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/activate")).param("term", WebCounty.TERM)
                .with(csrf())).andReturn();
        assertThat(activated.getFlashMap().get("ok").toString()).contains("已启用规则集");
        assertThat(jdbc.queryForObject("SELECT rule_set_hash FROM rule_activation WHERE term_id = ?", String.class, WebCounty.TERM))
                .isEqualTo(county.run().ruleSetHash());

        // the command line's evaluate runs the activated rule set as the database keeps it, and refuses it once edited
        mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/files/duties.drl"))
                .param("text", storedText("duties.drl") + "\n// 启用后的改动\n").with(csrf())).andReturn();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(command(out, err).execute("evaluate", "--term", WebCounty.TERM)).isEqualTo(1);
        assertThat(err.toString()).contains("已启用的规则集 " + WebCounty.RULES, "自启用后已被修改");
        mvc.perform(as(Who.ADMIN, post("/admin/rules/" + WebCounty.RULES + "/files/duties.drl/undo")).with(csrf())).andReturn();
        assertThat(command(out, err).execute("evaluate", "--term", WebCounty.TERM)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("规则集哈希 " + county.run().ruleSetHash());
    }

    @Autowired
    cn.yanxiu.system.YanxiuCommand root;
    @Autowired
    List<cn.yanxiu.system.YanxiuSubcommand> subcommands;
    @Autowired
    picocli.CommandLine.IFactory factory;

    /** The command line as the jar builds it, run in this process on this test's database. */
    private picocli.CommandLine command(StringWriter out, StringWriter err) {
        picocli.CommandLine line = cn.yanxiu.system.CommandLineEntry.build(root, subcommands, factory);
        line.setOut(new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(err, true));
        return line;
    }

    @Test
    void anUploadWithABadRowIsRefusedWholeWithFileRowAndColumn() throws Exception {
        int activities = jdbc.queryForObject("SELECT COUNT(*) FROM activity", Integer.class);
        String teacher = county.teacher().username();
        String csv = "工号,学期编号,活动类型,日期,学时,数量,备注\n" + teacher + ",2025-2026-1,自学,2025-10-10,2,1,读书\n"
                + teacher + ",2025-2026-1,自学,2025-10-11,-3,1,负数\n";

        String page = imported(new MockMultipartFile("files", "../../etc/活动.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(page).contains("未导入", "活动.csv").containsPattern("<td[^>]*>3</td>");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activity", Integer.class)).isEqualTo(activities);

        String notASheet = imported(new MockMultipartFile("files", "scores.xlsx", "application/octet-stream",
                "<?xml><html>not a workbook".getBytes(StandardCharsets.UTF_8)));
        assertThat(notASheet).contains("scores.xlsx", "未导入").doesNotContain("<html>not");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activity", Integer.class)).isEqualTo(activities);
    }

    /** Uploads as the administrator, follows the background import to its end, and returns the results page. */
    private String imported(MockMultipartFile file) throws Exception {
        String job = mvc.perform(as(Who.ADMIN, multipart("/admin/import")).file(file).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/admin/import/");
        org.awaitility.Awaitility.await("import " + job + " finished").atMost(java.time.Duration.ofMinutes(1))
                .until(() -> mvc.perform(as(Who.ADMIN, get(job + "/progress"))).andReturn().getResponse().getContentAsString(), p -> p.contains("FINISHED"));
        assertThat(status(as(Who.AUDITOR, get(job)))).isEqualTo(403);
        return mvc.perform(as(Who.ADMIN, get(job))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void teacherAccountsAreCreatedInTheBackgroundWithPasswordSheetsPerSchoolDownloadedOnce() throws Exception {
        // two teachers lose their accounts (not the ones other tests sign in as), as if they had just been imported
        List<String> fresh = jdbc.queryForList("SELECT username FROM user_account WHERE teacher_id IS NOT NULL AND username NOT IN (?, ?) "
                + "AND username <> ? AND approver_step IS NULL ORDER BY username DESC LIMIT 2", String.class, county.teacher().username(), county.otherTeacher().username(),
                county.groupLeader().username());
        jdbc.update("DELETE FROM user_account WHERE username IN (?, ?)", fresh.get(0), fresh.get(1));

        MvcResult started = mvc.perform(as(Who.ADMIN, post("/admin/accounts/teachers")).with(csrf())).andReturn();
        String job = started.getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/admin/accounts/jobs/");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> mvc.perform(as(Who.ADMIN, get(job + "/progress"))).andReturn().getResponse().getContentAsString().contains("FINISHED"));
        String page = mvc.perform(as(Who.ADMIN, get(job))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("已为 2 位教师创建账号", "只能下载一次", "id=\"password-sheets\"");
        assertThat(status(as(Who.AUDITOR, get(job)))).isNotEqualTo(200);

        MvcResult sheets = mvc.perform(as(Who.ADMIN, get(job + "/sheets"))).andReturn();
        assertThat(sheets.getResponse().getHeader("Content-Disposition")).contains("attachment");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(sheets.getResponse().getContentAsByteArray()))) {
            java.util.Map<String, String> passwords = new java.util.HashMap<>();
            for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
                assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("初始密码");
                for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                    passwords.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r).getCell(3).getStringCellValue());
                }
            }
            assertThat(passwords).containsOnlyKeys(fresh);
            // the printed password is the one that signs in
            String hash = jdbc.queryForObject("SELECT password_hash FROM user_account WHERE username = ?", String.class, fresh.get(0));
            assertThat(new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().matches(passwords.get(fresh.get(0)), hash)).isTrue();
        }
        assertThat(mvc.perform(as(Who.ADMIN, get(job + "/sheets"))).andReturn().getResponse().getStatus()).as("shown once").isEqualTo(410);
        assertThat(mvc.perform(as(Who.ADMIN, get(job))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("密码表已下载").doesNotContain("id=\"password-sheets\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_job WHERE sheets IS NOT NULL", Integer.class))
                .as("the passwords leave the database with their one download").isZero();

        // a job whose instance stopped midway (nothing written for minutes) says so on any instance
        java.sql.Timestamp silent = java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofMinutes(3)));
        jdbc.update("INSERT INTO account_job (id, started_by, done, total, created_at, updated_at) VALUES ('stopped-job', 'admin', 10, 900, ?, ?)", silent, silent);
        assertThat(mvc.perform(as(Who.ADMIN, get("/admin/accounts/jobs/stopped-job"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("服务实例已停止", "未创建任何账号");
    }

    @Test
    void theAuditLogRecordsSignInsAndChangesWithTheirAddressAndItsChainIsIntact() throws Exception {
        mvc.perform(formLogin("/login").user("auditor").password("not-the-password")).andReturn();
        mvc.perform(formLogin("/login").user("auditor").password(county.auditorPassword())).andReturn();
        mvc.perform(as(Who.ADMIN, post("/admin/accounts/admin/disabled")).param("disabled", "true").with(csrf())).andReturn();
        String page = mvc.perform(as(Who.AUDITOR, get("/audit-log"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("哈希链完整", "登录失败", "登录成功", "127.0.0.1", "用户名或密码错误");
        String failures = mvc.perform(as(Who.AUDITOR, get("/audit-log").param("action", "登录失败"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(failures).contains("登录失败").doesNotContain("<td>登录成功</td>");
        MvcResult csv = mvc.perform(as(Who.AUDITOR, get("/audit-log/export"))).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("登录失败", "auditor");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = '导出' AND actor = 'auditor'", Integer.class)).isPositive();
        assertThat(status(as(Who.TEACHER, get("/audit-log")))).isEqualTo(403);
        assertThat(status(as(Who.APPROVER, get("/audit-log/export")))).isEqualTo(403);
    }

    @Test
    void listsArePagedSortedAndSearched() throws Exception {
        long teachers = jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Long.class);
        long pages = (teachers + 49) / 50;
        String first = mvc.perform(as(Who.AUDITOR, get("/teachers"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(first).contains("共 " + teachers + " 条，第 1/" + pages + " 页", "rel=\"next\"").doesNotContain("rel=\"prev\"");
        String lowest = jdbc.queryForObject("SELECT MIN(id) FROM teacher", String.class);
        String highest = jdbc.queryForObject("SELECT MAX(id) FROM teacher", String.class);
        assertThat(first).contains(">" + lowest + "<").doesNotContain(">" + highest + "<");
        String descending = mvc.perform(as(Who.AUDITOR, get("/teachers").param("sort", "id").param("dir", "desc"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(descending).contains(">" + highest + "<", "aria-sort=\"descending\"").doesNotContain(">" + lowest + "<");
        String last = mvc.perform(as(Who.AUDITOR, get("/teachers").param("page", String.valueOf(pages + 5)))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(last).as("a page past the end shows the last").contains("第 " + pages + "/" + pages + " 页", ">" + highest + "<");
        // a sort the list does not offer is never SQL: the default order, and the table is still there
        String forged = mvc.perform(as(Who.AUDITOR, get("/teachers").param("sort", "t.id; DROP TABLE teacher").param("dir", "desc"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(forged).contains(">" + highest + "<");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Long.class)).isEqualTo(teachers);
        // searching by school narrows the list and keeps the words in the box
        String school = jdbc.queryForObject("SELECT s.name FROM school s WHERE EXISTS (SELECT 1 FROM teacher t WHERE t.school_id = s.id) ORDER BY s.id "
                + "LIMIT 1", String.class);
        long inSchool = jdbc.queryForObject("SELECT COUNT(*) FROM teacher t JOIN school s ON s.id = t.school_id WHERE s.name = ?", Long.class, school);
        String found = mvc.perform(as(Who.AUDITOR, get("/teachers").param("q", school))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(found).contains("共 " + inSchool + " 条", "value=\"" + school + "\"");

        String accounts = mvc.perform(as(Who.ADMIN, get("/admin/accounts").param("q", "auditor"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(accounts).contains("共 1 条", ">auditor<");
        String runs = mvc.perform(as(Who.AUDITOR, get("/runs").param("sort", "teachers").param("dir", "desc"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(runs).contains("aria-sort=\"descending\"", "共 ");
    }

    @Test
    void hostileSearchTextIsEscapedAndMatchesNothingUnexpected() throws Exception {
        String page = mvc.perform(as(Who.AUDITOR, get("/teachers")).param("q", "<script>alert(1)</script>")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
        String wildcard = mvc.perform(as(Who.AUDITOR, get("/api/teachers")).param("q", "%")).andReturn().getResponse().getContentAsString();
        assertThat(wildcard).isEqualTo("[]");
        assertThat(mvc.perform(as(Who.AUDITOR, get("/runs/abc"))).andReturn().getResponse().getStatus()).isIn(400, 404);
    }

    // ---- scopes: a county's or a school's administrator and auditor reach only their own

    /** The scoped accounts, made once: a county administrator and auditor and a school administrator of the teacher's county and school, an auditor of the neighbour county. */
    private record Scoped(String homeDistrict, String homeSchool, String outsider, String outsiderSchool) {
    }

    private Scoped scoped;

    private Scoped scoped() {
        if (scoped == null) {
            String home = county.teacher().username();
            String homeSchool = jdbc.queryForObject("SELECT school_id FROM teacher WHERE id = ?", String.class, home);
            String homeDistrict = jdbc.queryForObject("SELECT district_id FROM school WHERE id = ?", String.class, homeSchool);
            String other = homeDistrict.equals(WebCounty.NEIGHBOUR) ? "D0001" : WebCounty.NEIGHBOUR;
            String outsider = jdbc.queryForObject("SELECT MIN(r.teacher_id) FROM evaluation_result r JOIN school s ON s.id = r.school_id "
                    + "WHERE r.run_id = ? AND s.district_id = ?", String.class, county.run().id(), other);
            String outsiderSchool = jdbc.queryForObject("SELECT school_id FROM teacher WHERE id = ?", String.class, outsider);
            var admin = java.util.EnumSet.of(cn.yanxiu.accounts.AccountRole.ADMIN);
            var auditor = java.util.EnumSet.of(cn.yanxiu.accounts.AccountRole.AUDITOR);
            accounts.create("county-admin", "区县管理员", admin, null, null, null, null, cn.yanxiu.accounts.Scope.district(homeDistrict), "county-password-1", "admin",
                    cn.yanxiu.accounts.Scope.PROVINCE);
            accounts.create("county-auditor", "区县审计员", auditor, null, null, null, null, cn.yanxiu.accounts.Scope.district(homeDistrict), "county-password-2",
                    "admin", cn.yanxiu.accounts.Scope.PROVINCE);
            accounts.create("school-admin", "学校管理员", admin, null, null, null, null, cn.yanxiu.accounts.Scope.school(homeSchool), "school-password-1",
                    "county-admin", cn.yanxiu.accounts.Scope.district(homeDistrict));
            accounts.create("other-auditor", "邻县审计员", auditor, null, null, null, null, cn.yanxiu.accounts.Scope.district(other), "other-password-1", "admin",
                    cn.yanxiu.accounts.Scope.PROVINCE);
            scoped = new Scoped(homeDistrict, homeSchool, outsider, outsiderSchool);
        }
        return scoped;
    }

    private <T extends MockHttpServletRequestBuilder> T by(String username, T request) {
        request.with(user(users.loadUserByUsername(username)));
        return request;
    }

    /** Status for each of county-admin, county-auditor, school-admin, other-auditor, admin (the province). */
    private void expectScoped(String what, java.util.function.Supplier<MockHttpServletRequestBuilder> request, int... statuses) throws Exception {
        scoped();
        List<String> who = List.of("county-admin", "county-auditor", "school-admin", "other-auditor", "admin");
        Map<String, Integer> actual = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < who.size(); i++) {
            actual.put(who.get(i), status(by(who.get(i), request.get())));
            expected.put(who.get(i), statuses[i]);
        }
        assertThat(actual).as(what).isEqualTo(expected);
    }

    @Test
    void scopedAccountsReachOnlyTheirOwnTeachersAndAreToldNothingOfOthers() throws Exception {
        Scoped s = scoped();
        String home = county.teacher().username();
        long run = county.run().id();
        expectScoped("教师页（本校）", () -> get("/teachers/" + home), 200, 200, 200, 404, 200);
        expectScoped("教师页（邻县）", () -> get("/teachers/" + s.outsider()), 404, 404, 404, 200, 200);
        expectScoped("评价依据（邻县）", () -> get("/runs/" + run + "/teachers/" + s.outsider()), 404, 404, 404, 200, 200);
        expectScoped("评价依据 API（邻县）", () -> get("/api/runs/" + run + "/teachers/" + s.outsider()), 404, 404, 404, 200, 200);
        expectScoped("研修记录 API（邻县）", () -> get("/api/teachers/" + s.outsider() + "/activities").param("term", WebCounty.TERM), 404, 404, 404, 200, 200);
        expectScoped("运行页", () -> get("/runs/" + run), 200, 200, 200, 200, 200);
        expectScoped("发起运行", () -> get("/admin/runs/new"), 403, 403, 403, 403, 200);
        expectScoped("发起运行 API", () -> post("/api/admin/runs").contentType(MediaType.APPLICATION_JSON).content("{\"term\":\"none\"}"), 403, 403, 403, 403, 409);
        expectScoped("发布运行", () -> post("/admin/runs/" + run + "/publish").with(csrf()), 403, 403, 403, 403, 302);
        // without the file's text: the province passes the permission check and is told the request is incomplete (nothing is edited)
        expectScoped("规则编辑", () -> post("/admin/rules/" + WebCounty.RULES + "/files/grading.drl").param("content", "x").with(csrf()), 403, 403, 403, 403, 400);
        expectScoped("审计日志", () -> get("/audit-log"), 403, 403, 403, 403, 200);
        expectScoped("账号", () -> get("/admin/accounts"), 200, 403, 200, 403, 200);

        String explanation = mvc.perform(by("other-auditor", get("/runs/" + run + "/teachers/" + home))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(explanation).as("a refusal names nothing of the teacher").doesNotContain(jdbc.queryForObject("SELECT name FROM teacher WHERE id = ?",
                String.class, home));
    }

    @Test
    void listsPagesAndExportsHoldOnlyTheScopesSchools() throws Exception {
        Scoped s = scoped();
        long run = county.run().id();
        List<String> homeSchools = jdbc.queryForList("SELECT name FROM school WHERE district_id = ?", String.class, s.homeDistrict());
        List<String> otherSchools = jdbc.queryForList("SELECT name FROM school WHERE district_id <> ? AND id IN (SELECT school_id FROM teacher)", String.class,
                s.homeDistrict());
        assertThat(otherSchools).isNotEmpty();

        String teachers = mvc.perform(by("county-auditor", get("/teachers").param("q", s.outsider()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(teachers).doesNotContain(">" + s.outsider() + "<");
        String found = mvc.perform(by("county-admin", get("/api/teachers").param("q", s.outsider()))).andReturn().getResponse().getContentAsString();
        assertThat(found).isEqualTo("[]");
        String all = mvc.perform(by("school-admin", get("/teachers").param("q", ""))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(all).contains(county.teacher().username());

        String runPage = mvc.perform(by("county-auditor", get("/runs/" + run))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(runPage).contains("区县").doesNotContain(otherSchools.toArray(String[]::new)).doesNotContain("发布为正式结果");
        String dashboard = mvc.perform(by("county-auditor", get("/county").param("run", String.valueOf(run)))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).doesNotContain(otherSchools.toArray(String[]::new));
        String countyJson = mvc.perform(by("other-auditor", get("/api/county/" + run))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(countyJson).contains(s.outsiderSchool()).doesNotContain(s.homeSchool());

        // the results export: every row a teacher of the county, none of the neighbour
        byte[] results = mvc.perform(by("county-admin", get("/runs/" + run + "/export/results"))).andReturn().getResponse().getContentAsByteArray();
        List<String> ids = new java.util.ArrayList<>();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(results))) {
            var sheet = workbook.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                ids.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
        }
        List<String> inCounty = jdbc.queryForList("SELECT r.teacher_id FROM evaluation_result r JOIN school s ON s.id = r.school_id "
                + "WHERE r.run_id = ? AND s.district_id = ? ORDER BY r.teacher_id", String.class, run, s.homeDistrict());
        assertThat(ids).as("exported rows = the county's results").containsExactlyElementsOf(inCounty).doesNotContain(s.outsider());
        byte[] summary = mvc.perform(by("school-admin", get("/runs/" + run + "/export/county"))).andReturn().getResponse().getContentAsByteArray();
        String summaryText;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(summary))) {
            summaryText = new org.apache.poi.xssf.extractor.XSSFExcelExtractor(workbook).getText();
        }
        String homeSchoolName = jdbc.queryForObject("SELECT name FROM school WHERE id = ?", String.class, s.homeSchool());
        assertThat(summaryText).contains(homeSchoolName);
        homeSchools.stream().filter(n -> !n.equals(homeSchoolName)).forEach(n -> assertThat(summaryText).as("a school admin's summary").doesNotContain(n));

        // a certificate package of the neighbour county's school is not there for the county administrator
        Path zip = Path.of("target/web-certificates", "run-" + run, s.outsiderSchool() + ".zip");
        Files.createDirectories(zip.getParent());
        Files.write(zip, new byte[] {'P', 'K', 5, 6});
        try {
            expectScoped("邻县学校的证书包", () -> get("/admin/runs/" + run + "/certificates/" + s.outsiderSchool() + ".zip"), 404, 403, 404, 403, 200);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    @Test
    void aCountyAdministratorManagesOnlyTheCountysAccountsAndApprovals() throws Exception {
        Scoped s = scoped();
        String listed = mvc.perform(by("county-admin", get("/admin/accounts").param("q", "school-admin"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).contains("<td>school-admin</td>");
        String unlisted = mvc.perform(by("county-admin", get("/admin/accounts").param("q", "other-auditor"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unlisted).doesNotContain("<td>other-auditor</td>");
        assertThat(mvc.perform(by("admin", get("/admin/accounts").param("q", "other-auditor"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .as("the province lists it").contains("<td>other-auditor</td>");

        MvcResult wider = mvc.perform(by("county-admin", post("/admin/accounts")).param("username", "too-wide").param("displayName", "越权")
                .param("roles", "AUDITOR").param("scopeLevel", "DISTRICT").param("scopeId", WebCounty.NEIGHBOUR.equals(s.homeDistrict()) ? "D0001" : WebCounty.NEIGHBOUR)
                .param("password", "too-wide-password").with(csrf())).andReturn();
        assertThat(String.valueOf(wider.getFlashMap().get("error"))).contains("超出了您的管理范围");
        MvcResult province = mvc.perform(by("county-admin", post("/admin/accounts")).param("username", "too-wide").param("displayName", "越权")
                .param("roles", "ADMIN").param("scopeLevel", "PROVINCE").param("password", "too-wide-password").with(csrf())).andReturn();
        assertThat(String.valueOf(province.getFlashMap().get("error"))).contains("超出了您的管理范围");
        assertThat(accounts.find("too-wide")).isEmpty();

        String outsiderHash = jdbc.queryForObject("SELECT password_hash FROM user_account WHERE username = ?", String.class, s.outsider());
        MvcResult reset = mvc.perform(by("county-admin", post("/admin/accounts/" + s.outsider() + "/password")).with(csrf())).andReturn();
        assertThat(String.valueOf(reset.getFlashMap().get("error"))).contains("没有账号");
        MvcResult off = mvc.perform(by("school-admin", post("/admin/accounts/other-auditor/disabled")).param("disabled", "true").with(csrf())).andReturn();
        assertThat(String.valueOf(off.getFlashMap().get("error"))).contains("没有账号");
        assertThat(jdbc.queryForObject("SELECT password_hash FROM user_account WHERE username = ?", String.class, s.outsider())).isEqualTo(outsiderHash);
        assertThat(accounts.find("other-auditor").orElseThrow().account().disabled()).isFalse();

        // approving the neighbour's waiting entry moves nothing
        Long entry = jdbc.queryForList("SELECT e.id FROM credit_entry e WHERE e.teacher_id = ? AND e.status = 'PROPOSED'", Long.class, s.outsider()).stream()
                .findFirst().orElse(null);
        if (entry != null) {
            mvc.perform(by("county-admin", post("/approvals")).param("term", WebCounty.TERM).param("step", "GROUP").param("entry", String.valueOf(entry))
                    .param("decision", "approve").with(csrf())).andReturn();
            assertThat(jdbc.queryForObject("SELECT status FROM credit_entry WHERE id = ?", String.class, entry)).isEqualTo("PROPOSED");
        }
        String queue = mvc.perform(by("county-admin", get("/approvals").param("term", WebCounty.TERM).param("step", "GROUP"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(queue).doesNotContain(">" + s.outsider() + "<");
    }

    @Test
    void aSchoolAdministratorImportsOnlyTheSchoolsRecords() throws Exception {
        Scoped s = scoped();
        String home = county.teacher().username();
        int activities = jdbc.queryForObject("SELECT COUNT(*) FROM activity", Integer.class);
        String mixed = "工号,学期编号,活动类型,日期,学时,数量,备注\n" + home + ",2025-2026-1,自学,2025-10-10,2,1,本校\n"
                + s.outsider() + ",2025-2026-1,自学,2025-10-10,2,1,邻县\n";
        String refused = importedBy("school-admin", new MockMultipartFile("files", "本校活动.csv", "text/csv", mixed.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused).contains("未导入", "不在您的管理范围");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activity", Integer.class)).isEqualTo(activities);

        String schools = "学校编号,学校名称,学校类型,区县编号,区县名称\nS999901,新学校,小学," + s.homeDistrict() + ",本县\n";
        String schoolsRefused = importedBy("school-admin", new MockMultipartFile("files", "学校.csv", "text/csv", schools.getBytes(StandardCharsets.UTF_8)));
        assertThat(schoolsRefused).contains("只有省级管理员可以导入");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM school WHERE id = 'S999901'", Integer.class)).isZero();

        String own = "工号,学期编号,活动类型,日期,学时,数量,备注\n" + home + ",2025-2026-1,自学,2025-10-12,1,1,本校补录\n";
        String imported = importedBy("school-admin", new MockMultipartFile("files", "本校活动.csv", "text/csv", own.getBytes(StandardCharsets.UTF_8)));
        assertThat(imported).contains("已导入");
        assertThat(jdbc.queryForObject("SELECT source_file FROM activity WHERE teacher_id = ? AND note = '本校补录'", String.class, home))
                .as("the scope's re-import replaces only what the scope brought").isEqualTo("[" + s.homeSchool() + "] 本校活动.csv");
        jdbc.update("DELETE FROM activity WHERE note = '本校补录'");
    }

    private String importedBy(String username, MockMultipartFile file) throws Exception {
        String job = mvc.perform(by(username, multipart("/admin/import")).file(file).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/admin/import/");
        org.awaitility.Awaitility.await("import " + job + " finished").atMost(java.time.Duration.ofMinutes(1))
                .until(() -> mvc.perform(by(username, get(job + "/progress"))).andReturn().getResponse().getContentAsString(), p -> p.contains("FINISHED"));
        return mvc.perform(by(username, get(job))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
