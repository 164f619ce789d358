package cn.yanxiu.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The policy catalog (shared POLICIES.md): each id with its title and the source document and section,
 * so an explanation can quote where a rule comes from. Titles and sources only: no numbers and no grade names —
 * those a reader sees come from the rule set in force (its parameters, its grade table), and the regulation's own
 * words are quoted verbatim, labelled as the source ({@link #quote}).
 */
public final class PolicyCatalog {

    public record Entry(String id, String title, String source) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("G1", "最终得分由平时研修检查得分与年末研修评价得分加权", "003 第一篇 四.2");
        add("G2", "年末评价：教师自评、小组互评、校长导评、指导组审评", "003 第一篇 三.2；000 篇5 六.2(3)");
        add("G3", "按最终得分评定等级", "002 篇三 六");
        add("G4", "未通过考评的后果：学时认定、职称评审、年度考核", "002 篇三 六 注");
        add("G5", "师德一票否决", "000 篇5 五(二)2");
        add("G6", "考评通过者发放学分证书", "003 第一篇 三.1");
        add("G7", "集体研修考勤，与满勤奖挂钩", "003 第一篇 四.1；000 篇5 六.2(2)");
        add("H1", "个人研修学时（每学期），检查学习笔记", "003 第一篇 一.3");
        add("H2", "个人理论学习（每周）", "003 第一篇 二.8");
        add("H3", "每周学习时间，做学习笔记", "000 篇1 四(二)1");
        add("H4", "三年规划内累计培训学时", "000 篇5 二");
        add("H5", "学时学分转换，学分认定每年一次，记入《教师继续教育证书》", "000 篇5 六.3(2)");
        add("H6", "骨干教师集中培训学时", "002 篇四 四.4");
        add("Q1", "按岗位每周听课节数", "000 篇1 四(二)2");
        add("Q2", "一定年龄以下教师上多媒体课、交教学设计及课件", "000 篇1 四(三)3");
        add("Q3", "一定年龄以下教师掌握电子白板和微课制作", "002 篇一 五(二)3");
        add("Q4", "定期写教学反思", "003 第一篇 二.7");
        add("Q5", "每学期上组内研讨课、评优课", "003 第四篇 六.4；004 校本教研初步活动计划 (二)3");
        add("Q6", "每位教师有个人研修课题", "000 篇5 三.3；004 篇3 二.5");
        add("Q7", "按教龄划分发展阶段，各阶段有目标", "002 篇一 三.2");
        add("T1", "教研组每学期开展教研活动并有记录", "000 篇1 四(二)3；003 第一篇 一.3");
        add("T2", "全校培训，教研组每月理论学习", "003 第一篇 一.3、二.8");
        add("T3", "学校每学期检查教研组和教师", "003 第一篇 一.4");
        add("T4", "每年评选学习型教师、优秀教研组", "003 第一篇 三.3；004 校本教研的奖励 1");
        add("C1", "教研组认定审核、教导处复审、学分登记", "000 篇5 六.3(2)");
        add("C2", "学校报送学分认定汇总表", "000 篇5 六.1(3)");
        add("C3", "县级把校本研修纳入学校考核", "001 二(一)、三");
    }

    private PolicyCatalog() {
    }

    private static void add(String id, String title, String source) {
        ENTRIES.put(id, new Entry(id, title, source));
    }

    public static boolean contains(String id) {
        return ENTRIES.containsKey(id);
    }

    public static Entry get(String id) {
        return ENTRIES.get(id);
    }

    public static Map<String, Entry> all() {
        return ENTRIES;
    }

    private static final Map<String, String> QUOTES = loadQuotes();

    /** The words of the source document the policy comes from, as written there; empty when none is recorded. */
    public static String quote(String id) {
        return QUOTES.getOrDefault(id, "");
    }

    public static Map<String, String> quotes() {
        return java.util.Collections.unmodifiableMap(QUOTES);
    }

    private static Map<String, String> loadQuotes() {
        Map<String, String> quotes = new LinkedHashMap<>();
        try (var in = PolicyCatalog.class.getResourceAsStream("/policies/quotes.tsv")) {
            if (in == null) {
                return quotes;
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    quotes.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return quotes;
    }
}
