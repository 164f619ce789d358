package cn.yanxiu.rules;

import cn.yanxiu.rules.vocabulary.Activity;
import cn.yanxiu.rules.vocabulary.EthicsRecord;
import cn.yanxiu.rules.vocabulary.GroupRecord;
import cn.yanxiu.rules.vocabulary.SchoolRecord;
import cn.yanxiu.rules.vocabulary.Score;
import cn.yanxiu.rules.vocabulary.Teacher;
import cn.yanxiu.rules.vocabulary.Term;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The sample rule set as tests use it: a copy to edit, as an administrator copies last year's folder, and a plain teacher. */
public final class SampleRuleSets {

    public static final Path SAMPLE = Path.of("rules/2025-2026");

    private SampleRuleSets() {
    }

    public static Path copy(Path target) throws IOException {
        Files.createDirectories(target.resolve("tests"));
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(SAMPLE.relativize(f).toString()));
            }
        }
        return target;
    }

    /**
     * The sample year with five levels, by editing the level table and the manifest only: 优秀 [90, 100], 良好 [80, 90),
     * 合格 [70, 80), 基本合格 [60, 70) — passes and keeps its hours, but no certificate, no title review, no 优秀 in the
     * annual review — and 不合格 below 60.
     */
    public static Path fiveLevels(Path target) throws IOException {
        Path copy = copy(target);
        Path bands = copy.resolve("bands.drl.xlsx");
        TableCells.set(bands, "G3-等级-优秀", "级别（越大越好）", 5);
        TableCells.set(bands, "G3-等级-合格", "级别（越大越好）", 3);
        TableCells.set(bands, "G3-等级-合格", "最低分（含）", 70);
        TableCells.set(bands, "G3-等级-合格", "最高分（不含）", 80);
        TableCells.insertAfter(bands, "G3-等级-优秀", List.of("G3-等级-良好", "良好", 4, 80, 90, "是", "是", "是", "是", "是", "是", "G3", "学校选择"));
        TableCells.insertAfter(bands, "G3-等级-合格", List.of("G3-等级-基本合格", "基本合格", 2, 60, 70, "是", "否", "是", "否", "否", "是", "G3", "学校选择"));
        Path manifest = copy.resolve("manifest.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("  - 优秀\n  - 合格\n", "  - 优秀\n  - 良好\n  - 合格\n  - 基本合格\n"));
        return copy;
    }

    /** A 40-year-old 教导主任 in the first term of the rule set, with a little of everything and middling scores. */
    public static TeacherCase director(RuleSet rules) {
        return teacher(rules, Set.of("教导主任"), Map.of("自学", 30.0, "理论学习", 20.0, "集中学习", 10.0),
                Map.of("听课", 60, "学习笔记", 5, "教学反思", 5, "多媒体课", 10, "教学设计", 4, "研讨课", 1, "教研活动", 8), 80);
    }

    /** A 40-year-old teacher with ten years' service, on duty the whole first term, these activities, every score {@code score}. */
    public static TeacherCase teacher(RuleSet rules, Set<String> roles, Map<String, Double> hours, Map<String, Integer> counts, double score) {
        Manifest.TermSpec spec = rules.manifest().terms().get(0);
        Term term = new Term(spec.id(), rules.manifest().academicYear(), spec.start(), spec.end(), spec.teachingWeeks());
        String id = "T";
        Teacher teacher = new Teacher(id, "测试教师", "S", "G", roles, 40, 10, "", spec.teachingWeeks(), 1.0);
        List<Activity> activities = new ArrayList<>();
        hours.forEach((type, h) -> activities.add(new Activity(id, type, spec.start(), h, 1)));
        counts.forEach((type, n) -> activities.add(new Activity(id, type, spec.start(), 0, n)));
        List<Score> scores = new ArrayList<>();
        for (String kind : List.of("平时检查", "平时检查", "教师自评", "小组互评", "校长导评", "指导组审评")) {
            scores.add(new Score(id, kind, score));
        }
        return new TeacherCase(term, teacher, activities, scores, List.of(new EthicsRecord(id, true, spec.end(), "达标")), List.of(),
                new GroupRecord("G", 5, 5, 5, 5), new SchoolRecord("S", 1));
    }
}
