package cn.yanxiu.rules;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the decision tables of the sample rule set (rules/2025-2026/*.drl.xlsx) in Drools' spreadsheet
 * format. Run once to create them ({@code main}); administrators then edit them in Excel. Tests use
 * {@link #write} to build variants.
 */
public final class SampleRuleTables {

    /** One decision table: file, sheet, title, column headers, snippets, rows. */
    public record Table(String file, String sheet, String notes, List<String> keywords, List<String> snippets,
                        List<String> headers, List<List<Object>> rows) {
    }

    public static final List<Table> TABLES = List.of(
            new Table("quotas.drl.xlsx", "观课指标", "Q1 每周听课节数（000 篇1 四(二)2）。一人多岗取最严格者。教研组长、班主任按教师计（学校选择）。",
                    List.of("NAME", "ACTION", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "RoleQuota q = new RoleQuota(); q.setRole(\"$param\");", "q.setLessonsPerWeek($param);",
                            "q.setPolicy(\"Q1\"); insert(q);", "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "岗位", "每周听课节数（不少于）", "生效", "政策", "说明"),
                    List.of(
                            List.of("Q1-观课指标-校长", "校长", 3, "是", "Q1", "校长每周听课不少于3节"),
                            List.of("Q1-观课指标-主管领导", "主管领导", 4, "是", "Q1", "主管领导每周听课4节"),
                            List.of("Q1-观课指标-教导主任", "教导主任", 6, "是", "Q1", "教导主任每周听课不少于6节"),
                            List.of("Q1-观课指标-教研组长", "教研组长", 3, "是", "Q1", "教研组长按教师计（学校选择）"),
                            List.of("Q1-观课指标-班主任", "班主任", 3, "是", "Q1", "班主任按教师计（学校选择）"),
                            List.of("Q1-观课指标-教师", "教师", 3, "是", "Q1", "教师每周听课3节"))),
            new Table("bands.drl.xlsx", "等级分数段", "G3 等级：优秀/合格/不合格（002 篇三 六）。分数段为学校选择；最低分含、最高分不含，最高一档含100分。",
                    List.of("NAME", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "GradeBand b = new GradeBand(); b.setLabel(\"$param\");", "b.setLevel($param);", "b.setMin($param);",
                            "b.setMax($param);", "b.setPolicy(\"G3\"); insert(b);", "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "等级", "级别（越大越好）", "最低分（含）", "最高分（不含）", "生效", "政策", "说明"),
                    List.of(
                            List.of("G3-等级-优秀", "优秀", 3, 90, 100, "是", "G3", "90分及以上为优秀（学校选择）"),
                            List.of("G3-等级-合格", "合格", 2, 60, 90, "是", "G3", "60至90分为合格（学校选择）"),
                            List.of("G3-等级-不合格", "不合格", 1, 0, 60, "是", "G3", "60分以下为不合格（学校选择）"))),
            new Table("weights.drl.xlsx", "权重", "G1 最终得分=平时60%+年末40%（003 第一篇 四.2）；G2 年末评价四方权重为学校选择；平时得分的构成为学校选择。每组合计须为100。",
                    List.of("NAME", "ACTION", "ACTION", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "Weight w = new Weight(); w.setGroup(\"$param\");", "w.setComponent(\"$param\");", "w.setPercent($param);",
                            "w.setPolicy(\"$param\"); insert(w);", "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "分组", "组成部分", "百分比", "政策", "政策编号", "说明"),
                    List.of(
                            List.of("G1-权重-平时研修检查", "最终得分", "平时研修检查得分", 60, "G1", "G1", "平时研修检查得分占60%"),
                            List.of("G1-权重-年末研修评价", "最终得分", "年末研修评价得分", 40, "G1", "G1", "年末研修评价得分占40%"),
                            List.of("G2-权重-教师自评", "年末研修评价得分", "教师自评", 20, "G2", "G2", "教师自评（学校选择）"),
                            List.of("G2-权重-小组互评", "年末研修评价得分", "小组互评", 30, "G2", "G2", "小组互评（学校选择）"),
                            List.of("G2-权重-校长导评", "年末研修评价得分", "校长导评", 30, "G2", "G2", "校长导评（学校选择）"),
                            List.of("G2-权重-指导组审评", "年末研修评价得分", "指导组审评", 20, "G2", "G2", "指导组审评（学校选择）"),
                            List.of("G1-权重-量化考核", "平时研修检查得分", "量化考核", 70, "G1", "G1", "量化考核占平时得分70%（学校选择）"),
                            List.of("G1-权重-平时检查评分", "平时研修检查得分", "平时检查评分", 30, "G1", "G1", "学校检查评分占平时得分30%（学校选择）"))),
            new Table("scoring.drl.xlsx", "量化考核", "平时研修检查的量化考核（学校选择）：要求量=每周要求×在岗周数+每学期要求×在岗比例；得分=分值×min(1, 实际/要求)。分值合计须为100。",
                    List.of("NAME", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "ScoringItem s = new ScoringItem(); s.setItem(\"$param\");", "s.setTypes(\"$param\");", "s.setMeasure(\"$param\");",
                            "s.setPerWeek($param);", "s.setPerTerm($param);", "s.setPoints($param);", "s.setPolicy(\"$param\"); insert(s);",
                            "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "项目", "活动类型（、分隔）", "计量（学时/次数）", "每周要求", "每学期要求", "分值", "政策", "政策编号", "说明"),
                    List.of(
                            List.of("量化-个人研修学时", "个人研修学时", "自学、理论学习、师德学习、网络研修", "学时", 0, 40, 25, "H1", "H1", "每学期40学时"),
                            List.of("量化-听课", "听课", "听课", "次数", 3, 0, 20, "Q1", "Q1", "每周听课3节"),
                            List.of("量化-学习笔记", "学习笔记", "学习笔记", "次数", 0.5, 0, 10, "H3", "H3", "两周一篇学习笔记"),
                            List.of("量化-教学反思", "教学反思", "教学反思", "次数", 0.5, 0, 10, "Q4", "Q4", "两周一篇教学反思"),
                            List.of("量化-教学设计", "教学设计与课件", "教学设计", "次数", 0, 8, 10, "Q2", "Q2", "每学期8篇教学设计及课件"),
                            List.of("量化-研讨课评优课", "研讨课与评优课", "研讨课、评优课", "次数", 0, 2, 10, "Q5", "Q5", "研讨课、评优课各一节"),
                            List.of("量化-教研活动出勤", "教研活动出勤", "教研活动", "次数", 0.5, 0, 15, "G7", "G7", "两周一次教研活动"))),
            new Table("stages.drl.xlsx", "发展阶段", "Q7 教师发展阶段按教龄划分（002 篇一 三.2），各阶段每学期的目标活动为学校选择。",
                    List.of("NAME", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "CareerStage c = new CareerStage(); c.setStage(\"$param\");", "c.setMinYears($param);", "c.setMaxYears($param);",
                            "c.setActivityType(\"$param\");", "c.setCount($param);", "c.setPolicy(\"Q7\"); insert(c);", "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "阶段", "最低教龄（含）", "最高教龄（含）", "目标活动", "每学期次数", "生效", "政策", "说明"),
                    List.of(
                            List.of("Q7-新手上路型-师徒结对", "新手上路型", 0, 2, "师徒结对", 1, "是", "Q7", "教龄3年以下：拜师结对"),
                            List.of("Q7-青年成长型-公开课", "青年成长型", 3, 6, "公开课", 1, "是", "Q7", "教龄3-6年：上公开课"),
                            List.of("Q7-优秀骨干型-示范课", "优秀骨干型", 7, 20, "示范课", 1, "是", "Q7", "教龄7-20年：上示范课"),
                            List.of("Q7-优秀骨干型-带徒", "优秀骨干型", 7, 20, "师徒结对", 1, "是", "Q7", "教龄7-20年：带徒弟"),
                            List.of("Q7-成熟稳健型-示范课", "成熟稳健型", 21, 60, "示范课", 1, "是", "Q7", "教龄20年以上：上示范课"),
                            List.of("Q7-成熟稳健型-带徒", "成熟稳健型", 21, 60, "师徒结对", 1, "是", "Q7", "教龄20年以上：带徒弟"))),
            new Table("effects.drl.xlsx", "未达标后果", "要求未达标时等级的上限（学校选择）：不合格=该要求是硬性要求；合格=不得评优秀；无=只扣量化分。",
                    List.of("NAME", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "RequirementEffect e = new RequirementEffect(); e.setPolicy(\"$param\");", "e.setHighestGrade(\"$param\"); insert(e);",
                            "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "政策编号", "最高等级", "政策", "说明"),
                    List.of(
                            List.of("后果-H1", "H1", "不合格", "H1", "个人研修学时不足为硬性不合格"),
                            List.of("后果-Q1", "Q1", "不合格", "Q1", "听课节数不足为硬性不合格"),
                            List.of("后果-H2", "H2", "合格", "H2", "理论学习不足不得评优秀"),
                            List.of("后果-H3", "H3", "合格", "H3", "每周学习与笔记不足不得评优秀"),
                            List.of("后果-Q2", "Q2", "合格", "Q2", "多媒体课与教学设计不足不得评优秀"),
                            List.of("后果-Q3", "Q3", "合格", "Q3", "未掌握电子白板与微课不得评优秀"),
                            List.of("后果-Q4", "Q4", "合格", "Q4", "教学反思不足不得评优秀"),
                            List.of("后果-Q5", "Q5", "合格", "Q5", "无研讨课或评优课不得评优秀"),
                            List.of("后果-Q6", "Q6", "合格", "Q6", "无研修课题不得评优秀"),
                            List.of("后果-Q7", "Q7", "合格", "Q7", "未完成发展阶段目标不得评优秀"),
                            List.of("后果-G7", "G7", "合格", "G7", "教研活动缺勤超过规定不得评优秀"))),
            new Table("credits.drl.xlsx", "学时学分", "H5 学时学分转换（000 篇5 六.3(2)）：换算比例为学校选择。",
                    List.of("NAME", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "CreditRate r = new CreditRate(); r.setHoursPerCredit($param);", "r.setPolicy(\"H5\"); insert(r);",
                            "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "每学分学时数", "生效", "政策", "说明"),
                    List.of(List.of("H5-学时学分换算", 10, "是", "H5", "10学时折合1学分（学校选择）"))));

    private SampleRuleTables() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "rules/2025-2026");
        for (Table table : TABLES) {
            write(dir.resolve(table.file()), table);
        }
    }

    public static void write(Path file, Table table) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet(table.sheet());
            set(sheet, 0, "RuleSet", "cn.yanxiu.rules");
            set(sheet, 1, "Import", "cn.yanxiu.rules.vocabulary.*");
            set(sheet, 2, "Notes", table.notes());
            set(sheet, 4, "RuleTable " + table.sheet());
            set(sheet, 5, table.keywords().toArray());
            set(sheet, 6, table.keywords().stream().map(k -> "").toArray());
            set(sheet, 7, table.snippets().toArray());
            set(sheet, 8, table.headers().toArray());
            for (int i = 0; i < table.rows().size(); i++) {
                set(sheet, 9 + i, table.rows().get(i).toArray());
            }
            for (int c = 0; c < table.keywords().size(); c++) {
                sheet.setColumnWidth(c, 22 * 256);
            }
            workbook.write(out);
        }
    }

    private static void set(Sheet sheet, int rowIndex, Object... cells) {
        Row row = sheet.createRow(rowIndex);
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else {
                row.createCell(c).setCellValue(v == null ? "" : v.toString());
            }
        }
    }
}
