package cn.yanxiu.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens next year's rule set in one step: copies last year's folder, rolls the manifest forward a year (the
 * academic year, term ids and names, and term dates moved by 52 weeks so each term still starts on the same
 * weekday), and lists what the administrator should review. Nothing else is changed: the copy validates and its
 * tests pass before any edit.
 */
public final class NewRuleYear {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final Pattern DATE_LINE = Pattern.compile("^(\\s*(?:start|end):\\s*)(\\d{4}-\\d{2}-\\d{2})(\\s*)$");
    /** The same weekday a year on: school terms start on a Monday. */
    private static final int WEEKS_IN_A_YEAR = 52;

    public record Opened(Path folder, String academicYear, List<String> dates, List<String> review) {
    }

    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private NewRuleYear() {
    }

    /** The academic year after {@code year} ("2025-2026" → "2026-2027"). */
    public static String next(String year) {
        Matcher m = YEAR.matcher(year);
        if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw new Refused("学年应写作“2025-2026”的形式，实为“" + year + "”");
        }
        return (Integer.parseInt(m.group(1)) + 1) + "-" + (Integer.parseInt(m.group(2)) + 1);
    }

    /** Copies {@code from} to {@code to} (which must not exist) and rolls the copy's manifest to {@code toYear}. */
    public static Opened open(Path from, Path to, String toYear) {
        if (!Files.isRegularFile(from.resolve("manifest.yaml"))) {
            throw new Refused(from + " 不是规则集文件夹（没有 manifest.yaml）");
        }
        if (Files.exists(to)) {
            throw new Refused(to + " 已存在：新学年的文件夹不能覆盖已有文件夹");
        }
        String manifest = read(from.resolve("manifest.yaml"));
        Matcher year = Pattern.compile("(?m)^academicYear:\\s*(\\S+)\\s*$").matcher(manifest);
        if (!year.find()) {
            throw new Refused(from.resolve("manifest.yaml") + " 没有 academicYear");
        }
        String fromYear = year.group(1);
        if (!next(fromYear).equals(toYear)) {
            throw new Refused("“" + toYear + "”不是 " + fromYear + " 的下一学年（应为 " + next(fromYear) + "）");
        }
        List<String> dates = new ArrayList<>();
        String rolled = roll(manifest, fromYear, toYear, dates);
        try {
            copyTree(from, to);
            Files.writeString(to.resolve("manifest.yaml"), rolled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Opened(to, toYear, dates, review(toYear));
    }

    /** The manifest with every mention of the year moved on, and each term date moved 52 weeks. */
    static String roll(String manifest, String fromYear, String toYear, List<String> dates) {
        StringBuilder out = new StringBuilder();
        for (String line : manifest.split("\n", -1)) {
            Matcher date = DATE_LINE.matcher(line);
            if (date.matches()) {
                LocalDate was = LocalDate.parse(date.group(2));
                LocalDate now = was.plusWeeks(WEEKS_IN_A_YEAR);
                dates.add(was + " → " + now);
                line = date.group(1) + now + date.group(3);
            } else {
                line = line.replace(fromYear, toYear);
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static List<String> review(String year) {
        return List.of(
                "manifest.yaml：" + year + " 各学期的起止日期与教学周数（已按同一星期几顺延 52 周，请对照校历）",
                "parameters.drl.xlsx：本学年政策中的每一个数字（学时、节数、年龄、比例……）",
                "bands.drl.xlsx：等级、分数段，以及每个等级是否通过、发证、认定学时、可参与职称评审、年度考核可评优秀",
                "weights.drl.xlsx：最终得分与各部分的权重（每组合计为满分）",
                "quotas.drl.xlsx：各岗位每周听课节数",
                "scoring.drl.xlsx、stages.drl.xlsx、effects.drl.xlsx、credits.drl.xlsx：量化项目分值、发展阶段、未达标后果、学分换算",
                "tests/：改了哪个数字，就改测试该数字的用例（基线教师会随参数自动变化）",
                "改完后：rules validate 与 rules test，再用 diff 对比上一学年规则集在真实数据上的影响");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(f) && !Files.isSymbolicLink(f)) {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
