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
                            List.of("Q1-观课指标-校长", "校长", 3, "是", "Q1", "来源 000 篇1 四(二)2"),
                            List.of("Q1-观课指标-主管领导", "主管领导", 4, "是", "Q1", "来源 000 篇1 四(二)2"),
                            List.of("Q1-观课指标-教导主任", "教导主任", 6, "是", "Q1", "来源 000 篇1 四(二)2"),
                            List.of("Q1-观课指标-教研组长", "教研组长", 3, "是", "Q1", "按教师计（学校选择）"),
                            List.of("Q1-观课指标-班主任", "班主任", 3, "是", "Q1", "按教师计（学校选择）"),
                            List.of("Q1-观课指标-教师", "教师", 3, "是", "Q1", "来源 000 篇1 四(二)2"))),
            new Table("bands.drl.xlsx", "等级", "G3 等级（002 篇三 六）与各等级的后果（G4 002 篇三 六 注；G6 003 第一篇 三.1）。分数段为学校选择；最低分含、最高分不含，最高一档含100分。"
                    + "后五列写“是”或“否”：规则只读这些列，不读等级名称，增加、删除或改名一个等级只需改本表和 manifest.yaml。",
                    List.of("NAME", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "GradeBand b = new GradeBand(); b.setLabel(\"$param\");", "b.setLevel($param);", "b.setMin($param);",
                            "b.setMax($param);", "b.setPasses(\"$param\");", "b.setCertificate(\"$param\");", "b.setHoursRecognised(\"$param\");",
                            "b.setTitleReview(\"$param\");", "b.setAnnualExcellence(\"$param\");", "b.setPolicy(\"G3\"); insert(b);",
                            "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "等级", "级别（越大越好）", "最低分（含）", "最高分（不含）", "考评通过", "发证", "认定学时", "可参与职称评审", "年度考核可评优秀", "生效", "政策", "说明"),
                    List.of(
                            List.of("G3-等级-优秀", "优秀", 3, 90, 100, "是", "是", "是", "是", "是", "是", "G3", "分数段为学校选择"),
                            List.of("G3-等级-合格", "合格", 2, 60, 90, "是", "是", "是", "是", "是", "是", "G3", "分数段为学校选择"),
                            List.of("G3-等级-不合格", "不合格", 1, 0, 60, "否", "否", "否", "否", "否", "是", "G3", "不合格：学时不予认定，不能参与职称评审，年度考核不能评为优秀（G4）"))),
            new Table("weights.drl.xlsx", "权重", "G1 最终得分的权重（003 第一篇 四.2）；G2 年末评价四方权重为学校选择；平时得分的构成为学校选择。每组百分比合计须为满分。",
                    List.of("NAME", "ACTION", "ACTION", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "Weight w = new Weight(); w.setGroup(\"$param\");", "w.setComponent(\"$param\");", "w.setPercent($param);",
                            "w.setPolicy(\"$param\"); insert(w);", "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "分组", "组成部分", "百分比", "政策", "政策编号", "说明"),
                    List.of(
                            List.of("G1-权重-平时研修检查", "最终得分", "平时研修检查得分", 60, "G1", "G1", "来源 003 第一篇 四.2"),
                            List.of("G1-权重-年末研修评价", "最终得分", "年末研修评价得分", 40, "G1", "G1", "来源 003 第一篇 四.2"),
                            List.of("G2-权重-教师自评", "年末研修评价得分", "教师自评", 20, "G2", "G2", "教师自评（学校选择）"),
                            List.of("G2-权重-小组互评", "年末研修评价得分", "小组互评", 30, "G2", "G2", "小组互评（学校选择）"),
                            List.of("G2-权重-校长导评", "年末研修评价得分", "校长导评", 30, "G2", "G2", "校长导评（学校选择）"),
                            List.of("G2-权重-指导组审评", "年末研修评价得分", "指导组审评", 20, "G2", "G2", "指导组审评（学校选择）"),
                            List.of("G1-权重-量化考核", "平时研修检查得分", "量化考核", 70, "G1", "G1", "学校选择"),
                            List.of("G1-权重-平时检查评分", "平时研修检查得分", "平时检查评分", 30, "G1", "G1", "学校选择"))),
            new Table("scoring.drl.xlsx", "量化考核", "平时研修检查的量化考核（学校选择）：每项按“计分依据”所列要求规则的结论计分，要求量就是该要求本身的要求量（只在 parameters.drl.xlsx 写一次）："
                    + "得分=分值×Σmin(实际,要求)/Σ要求；要求不适用于该教师（如 Q2 只要求50岁以下，000 篇1 四(三)3）时得满分。分值合计须为100。",
                    List.of("NAME", "ACTION", "ACTION", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "ScoringItem s = new ScoringItem(); s.setItem(\"$param\");", "s.setBasis(\"$param\");",
                            "s.setPoints($param);", "s.setPolicy(\"$param\"); insert(s);", "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "项目", "计分依据（要求规则名，、分隔）", "分值", "政策", "政策编号", "说明"),
                    List.of(
                            List.of("量化-个人研修学时", "个人研修学时", "H1-个人研修学时", 25, "H1", "H1", "分值为学校选择"),
                            List.of("量化-听课", "听课", "Q1-听课节数", 20, "Q1", "Q1", "分值为学校选择"),
                            List.of("量化-学习笔记", "学习笔记", "H3-学习笔记", 10, "H3", "H3", "分值为学校选择"),
                            List.of("量化-教学反思", "教学反思", "Q4-教学反思", 10, "Q4", "Q4", "分值为学校选择"),
                            List.of("量化-教学设计", "教学设计与课件", "Q2-教学设计与课件", 10, "Q2", "Q2", "Q2 不适用的教师得满分（与 Q2 一致）"),
                            List.of("量化-研讨课评优课", "研讨课与评优课", "Q5-组内研讨课、Q5-评优课", 10, "Q5", "Q5", "分值为学校选择"),
                            List.of("量化-教研活动出勤", "教研活动出勤", "G7-教研活动考勤", 15, "G7", "G7", "分值为学校选择"))),
            new Table("stages.drl.xlsx", "发展阶段", "Q7 教师发展阶段按教龄划分（002 篇一 三.2），各阶段每学期的目标活动为学校选择。",
                    List.of("NAME", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "CareerStage c = new CareerStage(); c.setStage(\"$param\");", "c.setMinYears($param);", "c.setMaxYears($param);",
                            "c.setActivityType(\"$param\");", "c.setCount($param);", "c.setPolicy(\"Q7\"); insert(c);", "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "阶段", "最低教龄（含）", "最高教龄（含）", "目标活动", "每学期次数", "生效", "政策", "说明"),
                    List.of(
                            List.of("Q7-新手上路型-师徒结对", "新手上路型", 0, 2, "师徒结对", 1, "是", "Q7", "新手上路型：拜师结对"),
                            List.of("Q7-青年成长型-公开课", "青年成长型", 3, 6, "公开课", 1, "是", "Q7", "青年成长型：上公开课"),
                            List.of("Q7-优秀骨干型-示范课", "优秀骨干型", 7, 20, "示范课", 1, "是", "Q7", "优秀骨干型：上示范课"),
                            List.of("Q7-优秀骨干型-带徒", "优秀骨干型", 7, 20, "师徒结对", 1, "是", "Q7", "优秀骨干型：带徒弟"),
                            List.of("Q7-成熟稳健型-示范课", "成熟稳健型", 21, 60, "示范课", 1, "是", "Q7", "成熟稳健型：上示范课"),
                            List.of("Q7-成熟稳健型-带徒", "成熟稳健型", 21, 60, "师徒结对", 1, "是", "Q7", "成熟稳健型：带徒弟"))),
            new Table("effects.drl.xlsx", "未达标后果", "要求未达标时对等级的作用（学校选择）：硬性要求=评为最低等级；不得评最高等级=最高评到次高等级；只扣量化分=不限等级。不写等级名称，等级改名无需改本表。",
                    List.of("NAME", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "RequirementEffect e = new RequirementEffect(); e.setPolicy(\"$param\");", "e.setEffect(\"$param\"); insert(e);",
                            "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "政策编号", "未达标时", "政策", "说明"),
                    List.of(
                            List.of("后果-H1", "H1", "硬性要求", "H1", "个人研修学时不足为硬性要求（学校选择）"),
                            List.of("后果-Q1", "Q1", "硬性要求", "Q1", "听课节数不足为硬性要求（学校选择）"),
                            List.of("后果-H2", "H2", "不得评最高等级", "H2", "理论学习不足不得评优（学校选择）"),
                            List.of("后果-H3", "H3", "不得评最高等级", "H3", "每周学习与笔记不足不得评优（学校选择）"),
                            List.of("后果-Q2", "Q2", "不得评最高等级", "Q2", "多媒体课与教学设计不足不得评优（学校选择）"),
                            List.of("后果-Q3", "Q3", "不得评最高等级", "Q3", "未掌握电子白板与微课不得评优（学校选择）"),
                            List.of("后果-Q4", "Q4", "不得评最高等级", "Q4", "教学反思不足不得评优（学校选择）"),
                            List.of("后果-Q5", "Q5", "不得评最高等级", "Q5", "无研讨课或评优课不得评优（学校选择）"),
                            List.of("后果-Q6", "Q6", "不得评最高等级", "Q6", "无研修课题不得评优（学校选择）"),
                            List.of("后果-Q7", "Q7", "不得评最高等级", "Q7", "未完成发展阶段目标不得评优（学校选择）"),
                            List.of("后果-G7", "G7", "不得评最高等级", "G7", "教研活动出勤不足不得评优（学校选择）"))),
            new Table("parameters.drl.xlsx", "政策参数", "本学年政策中的每一个数字只写在这里一次（分数段见 bands，权重见 weights，听课指标见 quotas，发展阶段见 stages，学分换算见 credits）。"
                    + "规则按“参数”列的名称读取数值；改数字只改“数值”列，说明、解释和网页都会显示新数字。",
                    List.of("NAME", "ACTION", "ACTION", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "PolicyParameter p = new PolicyParameter(); p.setName(\"$param\");", "p.setValue($param);",
                            "p.setUnit(\"$param\");", "p.setPolicy(\"$param\"); insert(p);", "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "参数", "数值", "单位", "政策", "政策编号", "说明（来源）"),
                    List.of(
                            List.of("参数-H1-每学期个人研修学时", "H1-每学期个人研修学时", 40, "学时", "H1", "H1", "来源 003 第一篇 一.3"),
                            List.of("参数-H2-每周理论学习学时", "H2-每周理论学习学时", 2, "学时", "H2", "H2", "来源 003 第一篇 二.8"),
                            List.of("参数-H3-每周学习学时", "H3-每周学习学时", 3, "学时", "H3", "H3", "来源 000 篇1 四(二)1（原文为一个范围，取下限，学校选择）"),
                            List.of("参数-H3-学习笔记间隔周数", "H3-学习笔记间隔周数", 2, "周", "H3", "H3", "学校选择（来源 000 篇1 四(二)1 只要求做笔记）"),
                            List.of("参数-H4-三年累计学时", "H4-三年累计学时", 72, "学时", "H4", "H4", "来源 000 篇5 二"),
                            List.of("参数-H6-骨干教师集中培训学时", "H6-骨干教师集中培训学时", 90, "学时", "H6", "H6", "来源 002 篇四 四.4"),
                            List.of("参数-Q2-适用年龄（低于）", "Q2-适用年龄（低于）", 50, "岁", "Q2", "Q2", "来源 000 篇1 四(三)3"),
                            List.of("参数-Q2-每周多媒体课节数", "Q2-每周多媒体课节数", 1, "节", "Q2", "Q2", "来源 000 篇1 四(三)3"),
                            List.of("参数-Q2-每学期教学设计篇数", "Q2-每学期教学设计篇数", 8, "篇", "Q2", "Q2", "来源 000 篇1 四(三)3"),
                            List.of("参数-Q3-适用年龄（低于）", "Q3-适用年龄（低于）", 45, "岁", "Q3", "Q3", "来源 002 篇一 五(二)3"),
                            List.of("参数-Q3-每学期电子白板次数", "Q3-每学期电子白板次数", 1, "次", "Q3", "Q3", "学校选择（来源只要求“掌握”）"),
                            List.of("参数-Q3-每学期微课个数", "Q3-每学期微课个数", 1, "个", "Q3", "Q3", "学校选择（来源只要求“掌握”）"),
                            List.of("参数-Q4-教学反思间隔周数", "Q4-教学反思间隔周数", 2, "周", "Q4", "Q4", "来源 003 第一篇 二.7"),
                            List.of("参数-Q5-每学期组内研讨课节数", "Q5-每学期组内研讨课节数", 1, "节", "Q5", "Q5", "来源 003 第四篇 六.4"),
                            List.of("参数-Q5-每学期评优课节数", "Q5-每学期评优课节数", 1, "节", "Q5", "Q5", "来源 004 校本教研初步活动计划 (二)3"),
                            List.of("参数-Q6-个人研修课题项数", "Q6-个人研修课题项数", 1, "项", "Q6", "Q6", "来源 000 篇5 三.3"),
                            List.of("参数-G7-教研活动出勤率下限", "G7-教研活动出勤率下限", 90, "%", "G7", "G7", "学校选择（来源 003 第一篇 四.1 只要求考勤）"),
                            List.of("参数-T1-教研组每学期教研活动次数", "T1-教研组每学期教研活动次数", 4, "次", "T1", "T1", "来源 000 篇1 四(二)3"),
                            List.of("参数-T2-每学期全校培训次数", "T2-每学期全校培训次数", 1, "次", "T2", "T2", "来源 003 第一篇 一.3"),
                            List.of("参数-T3-每学期检查次数", "T3-每学期检查次数", 2, "次", "T3", "T3", "来源 003 第一篇 一.4"))),
            new Table("credits.drl.xlsx", "学时学分", "H5 学时学分转换（000 篇5 六.3(2)）：换算比例为学校选择。",
                    List.of("NAME", "ACTION", "ACTION", "METADATA", "METADATA"),
                    List.of("", "CreditRate r = new CreditRate(); r.setHoursPerCredit($param);", "r.setPolicy(\"H5\"); insert(r);",
                            "policy(\"$param\")", "description(\"$param\")"),
                    List.of("规则名", "每学分学时数", "生效", "政策", "说明"),
                    List.of(List.of("H5-学时学分换算", 10, "是", "H5", "换算比例为学校选择"))));

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
