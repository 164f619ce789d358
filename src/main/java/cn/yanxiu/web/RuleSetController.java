package cn.yanxiu.web;

import cn.yanxiu.accounts.SignedIn;
import cn.yanxiu.rules.RuleProblem;
import cn.yanxiu.rules.RuleSetWorkspace;
import cn.yanxiu.teacher.TeacherDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rule sets in the browser. Everyone who audits may read the files and validate and test a folder;
 * only an administrator saves an edit (kept only if the folder still validates), uploads a decision
 * table, undoes a change or activates a folder for a term.
 */
@Controller
class RuleSetController {

    private final RuleSetWorkspace workspace;
    private final TeacherDirectory teachers;

    RuleSetController(RuleSetWorkspace workspace, TeacherDirectory teachers) {
        this.workspace = workspace;
        this.teachers = teachers;
    }

    /** One line of a file as shown: its number, text, and whether a problem points at it. */
    record Line(int number, String text, boolean problem) {
        /** The line number right-aligned, as an editor's margin shows it. */
        public String label() {
            return String.format("%4d", number);
        }
    }

    @GetMapping("/rule-sets")
    String list(Model model) {
        model.addAttribute("folders", workspace.folders());
        return "rules/list";
    }

    @GetMapping("/rule-sets/{folder}")
    String folder(@PathVariable String folder, @RequestParam(required = false) String check, Model model, HttpServletRequest request) {
        model.addAttribute("folder", folder);
        model.addAttribute("files", workspace.files(folder));
        model.addAttribute("terms", teachers.terms());
        model.addAttribute("currentTerm", teachers.currentTerm());
        if (check != null) {
            // only an administrator's check runs rule code (policy checks, tests); a reader's never does
            model.addAttribute("check", request.isUserInRole("ADMIN") ? workspace.check(folder) : workspace.inspect(folder));
        }
        return "rules/folder";
    }

    @GetMapping("/rule-sets/{folder}/files/{file}")
    String file(@PathVariable String folder, @PathVariable String file, Model model) {
        if (file.equals("manifest.yaml")) {
            return "redirect:/rule-sets/" + folder + "/manifest";
        }
        model.addAttribute("folder", folder);
        model.addAttribute("file", file);
        model.addAttribute("revisions", workspace.revisions(folder, file));
        if (file.endsWith(".xlsx")) {
            model.addAttribute("grid", cn.yanxiu.rules.TableGrid.read(workspace.bytes(folder, file)));
            model.addAttribute("marked", Set.of());
            return "rules/table";
        }
        String text = workspace.text(folder, file);
        model.addAttribute("text", text);
        model.addAttribute("lines", lines(text, file, List.of()));
        return "rules/file";
    }

    @GetMapping("/rule-sets/{folder}/tests")
    String tests(@PathVariable String folder, Model model) {
        String text = workspace.text(folder, "tests/policies.yaml");
        model.addAttribute("folder", folder);
        model.addAttribute("file", "tests/policies.yaml");
        model.addAttribute("revisions", workspace.revisions(folder, "tests/policies.yaml"));
        model.addAttribute("text", text);
        model.addAttribute("lines", lines(text, "tests/policies.yaml", List.of()));
        return "rules/file";
    }

    /** Saves the rule tests if they read as tests; the folder's check (with the test results) comes back. */
    @PostMapping("/admin/rules/{folder}/tests")
    String saveTests(@AuthenticationPrincipal SignedIn me, @PathVariable String folder, @RequestParam String text, Model model,
                     RedirectAttributes flash) {
        try {
            RuleSetWorkspace.Check check = workspace.saveTests(folder, text, me.getUsername());
            flash.addFlashAttribute("ok", "测试用例已保存；测试 " + check.passed() + " 通过，" + check.failed() + " 失败");
            return "redirect:/rule-sets/" + folder + "/tests";
        } catch (RuleSetWorkspace.RuleEditRefused e) {
            model.addAttribute("folder", folder);
            model.addAttribute("file", "tests/policies.yaml");
            model.addAttribute("revisions", workspace.revisions(folder, "tests/policies.yaml"));
            model.addAttribute("text", text);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("problems", e.problems());
            model.addAttribute("lines", lines(text, "tests/policies.yaml", e.problems()));
            return "rules/file";
        }
    }

    @PostMapping("/admin/rules/{folder}/tests/undo")
    String undoTests(@AuthenticationPrincipal SignedIn me, @PathVariable String folder, RedirectAttributes flash) {
        try {
            workspace.undo(folder, "tests/policies.yaml", me.getUsername());
            flash.addFlashAttribute("ok", "已撤销 tests/policies.yaml 的上一次修改");
        } catch (RuleSetWorkspace.RuleEditRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rule-sets/" + folder + "/tests";
    }

    /** The manifest as a form: academic year, terms (edit, delete, add one), grades from best to worst. */
    @GetMapping("/rule-sets/{folder}/manifest")
    String manifest(@PathVariable String folder, Model model) {
        model.addAttribute("folder", folder);
        model.addAttribute("manifest", workspace.manifest(folder));
        model.addAttribute("revisions", workspace.revisions(folder, "manifest.yaml"));
        return "rules/manifest";
    }

    @PostMapping("/admin/rules/{folder}/manifest")
    String saveManifest(@AuthenticationPrincipal SignedIn me, @PathVariable String folder, @RequestParam Map<String, String> form,
                        Model model, RedirectAttributes flash) {
        List<cn.yanxiu.rules.Manifest.TermSpec> terms = new ArrayList<>();
        List<RuleProblem> typos = new ArrayList<>();
        int count = Math.min(parse(form.get("terms")), 20);
        for (int i = 0; i < count; i++) {
            String id = form.getOrDefault("t" + i + "_id", "").strip();
            if (form.containsKey("t" + i + "_delete") || id.isEmpty()) {
                continue;
            }
            try {
                terms.add(new cn.yanxiu.rules.Manifest.TermSpec(id, form.getOrDefault("t" + i + "_name", "").strip(),
                        java.time.LocalDate.parse(form.getOrDefault("t" + i + "_start", "").strip()),
                        java.time.LocalDate.parse(form.getOrDefault("t" + i + "_end", "").strip()),
                        Integer.parseInt(form.getOrDefault("t" + i + "_weeks", "").strip())));
            } catch (RuntimeException e) {
                typos.add(RuleProblem.inFile("manifest.yaml", "学期 " + id + "：日期应写作 2026-09-01，教学周数应为整数"));
            }
        }
        List<String> grades = form.getOrDefault("grades", "").lines().map(String::strip).filter(g -> !g.isEmpty()).toList();
        cn.yanxiu.rules.Manifest manifest = new cn.yanxiu.rules.Manifest(form.getOrDefault("academicYear", "").strip(), terms, grades);
        try {
            if (!typos.isEmpty()) {
                throw new RuleSetWorkspace.RuleEditRefused("manifest.yaml 未保存", typos);
            }
            RuleSetWorkspace.Check check = workspace.saveManifest(folder, manifest, me.getUsername());
            flash.addFlashAttribute("ok", "manifest.yaml 已保存；规则集校验通过，测试 " + check.passed() + " 通过，" + check.failed() + " 失败");
            return "redirect:/rule-sets/" + folder + "/manifest";
        } catch (RuleSetWorkspace.RuleEditRefused e) {
            model.addAttribute("folder", folder);
            model.addAttribute("manifest", manifest);
            model.addAttribute("revisions", workspace.revisions(folder, "manifest.yaml"));
            model.addAttribute("error", e.getMessage());
            model.addAttribute("problems", e.problems());
            return "rules/manifest";
        }
    }

    @GetMapping("/rule-sets/{folder}/files/{file}/download")
    ResponseEntity<byte[]> download(@PathVariable String folder, @PathVariable String file) {
        byte[] content = workspace.bytes(folder, file);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    /** Saves the edited text when the folder still validates; otherwise shows the problems on the lines they point at and saves nothing. */
    @PostMapping("/admin/rules/{folder}/files/{file}")
    String save(@AuthenticationPrincipal SignedIn me, @PathVariable String folder, @PathVariable String file, @RequestParam String text,
                Model model, RedirectAttributes flash) {
        try {
            RuleSetWorkspace.Check check = workspace.saveText(folder, file, text, me.getUsername());
            flash.addFlashAttribute("ok", file + " 已保存；规则集校验通过（" + check.ruleCount() + " 条规则），测试 " + check.passed() + " 通过，"
                    + check.failed() + " 失败" + (check.failed() > 0 ? "：启用前须修正" : ""));
            return "redirect:/rule-sets/" + folder + "/files/" + file;
        } catch (RuleSetWorkspace.RuleEditRefused e) {
            model.addAttribute("folder", folder);
            model.addAttribute("file", file);
            model.addAttribute("revisions", workspace.revisions(folder, file));
            model.addAttribute("text", text);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("problems", e.problems());
            model.addAttribute("lines", lines(text, file, e.problems()));
            return "rules/file";
        }
    }

    @PostMapping("/admin/rules/{folder}/tables")
    String upload(@AuthenticationPrincipal SignedIn me, @PathVariable String folder, @RequestParam("table") MultipartFile table,
                  RedirectAttributes flash) throws IOException {
        String name = AdminController.safeName(table.getOriginalFilename(), 0);
        try {
            if (table.getSize() > RuleSetWorkspace.MAX_FILE_BYTES) {
                throw new RuleSetWorkspace.RuleEditRefused(name + " 超过 " + RuleSetWorkspace.MAX_FILE_BYTES + " 字节，未保存", List.of());
            }
            RuleSetWorkspace.Check check = workspace.saveDecisionTable(folder, name, table.getBytes(), me.getUsername());
            flash.addFlashAttribute("ok", name + " 已保存；规则集校验通过，测试 " + check.passed() + " 通过，" + check.failed() + " 失败");
        } catch (RuleSetWorkspace.RuleEditRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/rule-sets/" + folder;
    }

    /**
     * Saves a decision table edited as a grid: cells {@code c<row>_<column>}, rows ticked {@code delete<row>} removed,
     * a filled last row added. The whole folder is validated with the new table before it is saved (undo as for uploads);
     * when refused, the grid comes back as typed with the cells the problems point at marked.
     */
    @PostMapping("/admin/rules/{folder}/tables/{file}/grid")
    String saveGrid(@AuthenticationPrincipal SignedIn me, @PathVariable String folder, @PathVariable String file,
                    @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        byte[] before = workspace.bytes(folder, file);
        cn.yanxiu.rules.TableGrid current = cn.yanxiu.rules.TableGrid.read(before);
        List<List<String>> rows = new ArrayList<>();
        int submitted = Math.min(parse(form.get("rows")), cn.yanxiu.rules.TableGrid.MAX_ROWS + 1);
        for (int r = 0; r < submitted; r++) {
            if (form.containsKey("delete" + r)) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < current.headers().size(); c++) {
                String v = form.getOrDefault("c" + r + "_" + c, "");
                cells.add(v.length() > 1000 ? v.substring(0, 1000) : v);
            }
            rows.add(cells);
        }
        try {
            byte[] after = cn.yanxiu.rules.TableGrid.write(before, rows);
            RuleSetWorkspace.Check check = workspace.saveDecisionTable(folder, file, after, me.getUsername());
            flash.addFlashAttribute("ok", file + " 已保存；规则集校验通过，测试 " + check.passed() + " 通过，" + check.failed() + " 失败");
            return "redirect:/rule-sets/" + folder + "/files/" + file;
        } catch (RuleSetWorkspace.RuleEditRefused | cn.yanxiu.rules.TableGrid.GridRefused e) {
            List<RuleProblem> problems = e instanceof RuleSetWorkspace.RuleEditRefused refused ? refused.problems() : List.of();
            cn.yanxiu.rules.TableGrid typed = new cn.yanxiu.rules.TableGrid(current.sheet(), current.headers(), rows, current.firstRow());
            Set<String> marked = new HashSet<>();
            for (RuleProblem p : problems) {
                String prefix = file + "!" + current.sheet() + "!";
                if (p.location().startsWith(prefix)) {
                    marked.add(p.location().substring(prefix.length()).replaceAll("[A-Z]+", ""));
                }
            }
            model.addAttribute("folder", folder);
            model.addAttribute("file", file);
            model.addAttribute("revisions", workspace.revisions(folder, file));
            model.addAttribute("grid", typed);
            model.addAttribute("marked", marked);
            model.addAttribute("error", e.getMessage() + "（未保存）");
            model.addAttribute("problems", problems);
            return "rules/table";
        }
    }

    private static int parse(String number) {
        try {
            return number == null ? 0 : Math.max(0, Integer.parseInt(number.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @PostMapping("/admin/rules/{folder}/files/{file}/undo")
    String undo(@AuthenticationPrincipal SignedIn me, @PathVariable String folder, @PathVariable String file, RedirectAttributes flash) {
        try {
            workspace.undo(folder, file, me.getUsername());
            flash.addFlashAttribute("ok", file + " 已恢复为上一次保存前的内容");
        } catch (RuleSetWorkspace.RuleEditRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/rule-sets/" + folder + (file.endsWith(".drl") ? "/files/" + file : "");
    }

    @PostMapping("/admin/rules/{folder}/new-year")
    String newYear(@AuthenticationPrincipal SignedIn me, @PathVariable String folder, RedirectAttributes flash) {
        try {
            cn.yanxiu.rules.NewRuleYear.Opened opened = workspace.openNextYear(folder, me.getUsername());
            String name = opened.folder().getFileName().toString();
            flash.addFlashAttribute("ok", "已由 " + folder + " 复制出 " + name + "，学年与学期已顺延一年（" + String.join("；", opened.dates())
                    + "）。请点“校验并运行测试”，再逐项核对：" + String.join("；", opened.review()));
            return "redirect:/rule-sets/" + name;
        } catch (RuleSetWorkspace.RuleEditRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/rule-sets/" + folder;
        }
    }

    @PostMapping("/admin/rules/{folder}/activate")
    String activate(@AuthenticationPrincipal SignedIn me, @PathVariable String folder, @RequestParam String term, RedirectAttributes flash) {
        try {
            RuleSetWorkspace.Activation a = workspace.activate(term, folder, me.getUsername());
            flash.addFlashAttribute("ok", "学期 " + term + " 已启用规则集 " + folder + "（哈希 " + a.hash().substring(0, 16) + "…）");
        } catch (RuleSetWorkspace.RuleEditRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/rule-sets/" + folder;
    }

    /** The file's lines, marking those a problem's {@code file:line:column} points at. */
    static List<Line> lines(String text, String file, List<RuleProblem> problems) {
        Set<Integer> marked = new HashSet<>();
        for (RuleProblem p : problems) {
            String[] parts = p.location().split(":");
            if (parts.length >= 2 && parts[0].equals(file)) {
                try {
                    marked.add(Integer.parseInt(parts[1]));
                } catch (NumberFormatException e) {
                    // a location without a line number marks no line
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        String[] split = text.split("\n", -1);
        for (int i = 0; i < split.length; i++) {
            lines.add(new Line(i + 1, split[i], marked.contains(i + 1)));
        }
        return lines;
    }
}
