package cn.yanxiu.importing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yanxiu.support.Databases;
import cn.yanxiu.support.TestTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an administrator relies on when importing, run against each database: a file goes in whole or not
 * at all, every bad cell is named by file, row and column, and importing twice adds nothing.
 */
abstract class ImportContractTests {

    private static final String ACTIVITY_HEADER = "工号,学期编号,活动类型,日期,学时,数量,备注";

    @Autowired
    SpreadsheetImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void smallSchoolImported() throws IOException {
        Databases.clear(jdbc);
        Path schools = TestTables.xlsx(dir.resolve("schools.xlsx"), List.of(
                List.of("学校编号", "学校名称", "学校类型", "区县编号", "区县名称"),
                List.of("S1", "茶店小学", "小学", "D1", "样本县")));
        Path terms = TestTables.csv(dir.resolve("terms.csv"), StandardCharsets.UTF_8, false,
                "学期编号,学年,学期,开始日期,结束日期,教学周数",
                "2025-2026-1,2025-2026,1,2025-09-01,2026-01-11,19");
        Path teachers = TestTables.xlsx(dir.resolve("teachers.xlsx"), List.of(
                List.of("工号", "姓名", "学校编号", "教研组", "岗位", "出生年份", "教龄"),
                List.of("T1", "王芳", "S1", "语文组", "教导主任、教师", 1980, 20),
                List.of("T2", "李强", "S1", "数学组", "教师", 1995, 5)));
        List<ImportResult> results = importer.importFiles(List.of(teachers, terms, schools));
        assertThat(results).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    }

    @Test
    void aCountyImportsWholeAndSecondImportAddsNothing() throws IOException {
        // a generated county of every table kind (the sample county itself is imported whole by the evaluation tests)
        Databases.clear(jdbc);
        List<Path> files = new cn.yanxiu.generate.SampleCountyGenerator(150, 7).write(dir.resolve("county"), n -> { });
        assertThat(importer.importFiles(files)).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(count("teacher")).isEqualTo(150);
        int activities = count("activity");
        int scores = count("score_record");
        int ethics = count("ethics_record");
        assertThat(activities).isGreaterThan(150 * 100);
        assertThat(scores).isPositive();
        assertThat(ethics).isPositive();

        assertThat(importer.importFiles(files)).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(count("activity")).isEqualTo(activities);
        assertThat(count("score_record")).isEqualTo(scores);
        assertThat(count("ethics_record")).isEqualTo(ethics);
        assertThat(count("teacher")).isEqualTo(150);
    }

    @Test
    void gbkCsvFromChineseExcelIsRead() throws IOException {
        Path file = TestTables.csv(dir.resolve("activities-gbk.csv"), Charset.forName("GBK"), false,
                ACTIVITY_HEADER, "T1,2025-2026-1,听课,2025-09-10,,3,语文组听课");
        ImportResult result = importOne(file);
        assertThat(result.problems()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT note FROM activity WHERE type = 'OBSERVATION'", String.class)).isEqualTo("语文组听课");
    }

    @Test
    void utf8CsvWithBomIsRead() throws IOException {
        Path file = TestTables.csv(dir.resolve("activities-bom.csv"), StandardCharsets.UTF_8, true,
                ACTIVITY_HEADER, "T1,2025-2026-1,自学,2025-09-10,2,1,");
        assertThat(importOne(file).problems()).isEmpty();
        assertThat(count("activity")).isEqualTo(1);
    }

    @Test
    void englishHeadersAreAccepted() throws IOException {
        Path file = TestTables.csv(dir.resolve("activities-en.csv"), StandardCharsets.UTF_8, false,
                "teacher_id,term_id,activity_type,date,hours,quantity,note", "T2,2025-2026-1,SELF_STUDY,2025/9/10,2,1,");
        assertThat(importOne(file).problems()).isEmpty();
        assertThat(count("activity")).isEqualTo(1);
    }

    @Test
    void theRowsReadInsideAFileAreReportedAsTheyAreRead() throws IOException {
        String[] rows = new String[3000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = "T1,2025-2026-1,自学," + java.time.LocalDate.of(2025, 9, 1).plusDays(i % 100) + ",1," + (1 + i / 100) + ",";
        }
        Path file = activities(rows);
        List<String> heard = new java.util.ArrayList<>();
        List<ImportResult> results = importer.importFiles(List.of(file), new SpreadsheetImporter.Listener() {
            @Override
            public void opening(String name) {
                heard.add("open " + name);
            }

            @Override
            public void starting(String name, long expected) {
                heard.add("start " + name + " " + expected);
            }

            @Override
            public void read(long done) {
                heard.add("read " + done);
            }

            @Override
            public void finished(long done) {
                heard.add("end " + done);
            }
        });
        assertThat(results.get(0).problems()).isEmpty();
        assertThat(heard).containsExactly("open activities.csv", "start activities.csv 3000", "read 1024", "read 2048", "end 3000");
    }

    @Test
    void sameFileTwiceAddsNothingAndACorrectedFileReplacesIt() throws IOException {
        Path file = TestTables.csv(dir.resolve("activities.csv"), StandardCharsets.UTF_8, false,
                ACTIVITY_HEADER, "T1,2025-2026-1,听课,2025-09-10,,3,", "T1,2025-2026-1,听课,2025-09-10,,3,");
        importOne(file);
        importOne(file);
        assertThat(count("activity")).isEqualTo(2);
        TestTables.csv(file, StandardCharsets.UTF_8, false, ACTIVITY_HEADER, "T1,2025-2026-1,听课,2025-09-10,,4,");
        importOne(file);
        assertThat(jdbc.queryForObject("SELECT SUM(quantity) FROM activity", Integer.class)).isEqualTo(4);
    }

    @Test
    void aCorrectedFileWithoutATeacherTakesThatTeachersRowsAwayAndLeavesAnotherFilesRowsOfBoth() throws IOException {
        Path file = TestTables.csv(dir.resolve("activities.csv"), StandardCharsets.UTF_8, false,
                ACTIVITY_HEADER, "T1,2025-2026-1,听课,2025-09-10,,3,", "T2,2025-2026-1,自学,2025-09-11,2,1,", "T2,2025-2026-1,自学,2025-09-12,2,1,");
        importOne(TestTables.csv(dir.resolve("other.csv"), StandardCharsets.UTF_8, false,
                ACTIVITY_HEADER, "T1,2025-2026-1,自学,2025-10-01,1,1,另一文件", "T2,2025-2026-1,自学,2025-10-02,1,1,另一文件"));
        importOne(file);
        assertThat(count("activity")).isEqualTo(5);

        TestTables.csv(file, StandardCharsets.UTF_8, false, ACTIVITY_HEADER, "T1,2025-2026-1,听课,2025-09-10,,4,");
        ImportResult corrected = importOne(file);
        assertThat(corrected.problems()).isEmpty();
        assertThat(corrected.summary()).contains("替换本文件上次导入的 3 行");
        assertThat(jdbc.queryForList("SELECT teacher_id, quantity, COALESCE(note, '') AS note FROM activity ORDER BY teacher_id, activity_date").stream()
                .map(r -> r.values().toString()).toList())
                .containsExactly("[T1, 4, ]", "[T1, 1, 另一文件]", "[T2, 1, 另一文件]");

        // and once more with T2 back: T1's corrected row is replaced, not doubled
        TestTables.csv(file, StandardCharsets.UTF_8, false, ACTIVITY_HEADER, "T1,2025-2026-1,听课,2025-09-10,,4,", "T2,2025-2026-1,自学,2025-09-11,2,1,");
        assertThat(importOne(file).problems()).isEmpty();
        assertThat(count("activity")).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE note = '另一文件'", Integer.class)).isEqualTo(2);
    }

    @Test
    void eachLogsCorrectedFileReplacesItsOwnRowsOnly() throws IOException {
        Path scores = TestTables.csv(dir.resolve("scores.csv"), StandardCharsets.UTF_8, false,
                "工号,学期编号,评分类型,分数,日期", "T1,2025-2026-1,平时检查,80,2025-12-01", "T2,2025-2026-1,平时检查,70,2025-12-01");
        assertThat(importOne(scores).problems()).isEmpty();
        assertThat(importOne(TestTables.csv(dir.resolve("scores-later.csv"), StandardCharsets.UTF_8, false,
                "工号,学期编号,评分类型,分数,日期", "T2,2025-2026-1,校长导评,90,2025-12-20")).problems()).isEmpty();
        TestTables.csv(scores, StandardCharsets.UTF_8, false, "工号,学期编号,评分类型,分数,日期", "T1,2025-2026-1,平时检查,85,2025-12-01");
        assertThat(importOne(scores).problems()).isEmpty();
        assertThat(jdbc.queryForList("SELECT teacher_id, score FROM score_record ORDER BY teacher_id").stream()
                .map(r -> r.get("teacher_id") + "=" + ((java.math.BigDecimal) r.get("score")).stripTrailingZeros().toPlainString()).toList())
                .containsExactly("T1=85", "T2=90");
    }

    @Test
    void aRowAnotherFileBroughtIsSkippedAndTheSameRowOfAnotherTeacherIsNot() throws IOException {
        importOne(TestTables.csv(dir.resolve("activities-a.csv"), StandardCharsets.UTF_8, false,
                ACTIVITY_HEADER, "T1,2025-2026-1,听课,2025-09-10,,3,", "T2,2025-2026-1,听课,2025-09-11,,1,"));
        ImportResult second = importOne(TestTables.csv(dir.resolve("activities-b.csv"), StandardCharsets.UTF_8, false,
                ACTIVITY_HEADER, "T1,2025-2026-1,听课,2025-09-10,,3,", "T2,2025-2026-1,听课,2025-09-10,,3,"));
        assertThat(second.summary()).contains("与其他文件重复而跳过 1");
        assertThat(count("activity")).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE teacher_id = 'T2'", Integer.class)).isEqualTo(2);
    }

    @Test
    void aFilesRowsGoInInTheOrderEvaluationReadsThemAndRowsThatTieKeepTheFilesOrder() throws IOException {
        // the index evaluation reads activities by is (term, teacher, type, date, hours, quantity): rows written in
        // the file's own order split its pages half empty
        importOne(TestTables.csv(dir.resolve("activities.csv"), StandardCharsets.UTF_8, false, ACTIVITY_HEADER,
                "T2,2025-2026-1,听课,2025-09-11,,1,T2",
                "T1,2025-2026-1,自学,2025-09-05,1,1,late type",
                "T1,2025-2026-1,听课,2025-09-12,,1,late date",
                "T1,2025-2026-1,听课,2025-09-10,,1,first of two alike",
                "T1,2025-2026-1,听课,2025-09-10,,1,second of two alike",
                "T1,2025-2026-1,听课,2025-09-10,,0,fewer",
                "T1,2025-2026-1,听课,2025-09-01,,2,early date"));
        assertThat(jdbc.queryForList("SELECT note FROM activity ORDER BY id", String.class)).containsExactly(
                "early date", "fewer", "first of two alike", "second of two alike", "late date", "late type", "T2");
    }

    @Test
    void eachLogKeysItsRowsByTeacherAndThatKeyCarriesTheTeachersForeignKey() throws java.sql.SQLException {
        // one index on (teacher_id, record_key) is both the rows' identity and, on MySQL and MariaDB, the teacher
        // reference's index: a separate index on teacher_id would be one more to write for every imported row
        // (H2 keeps an index of its own for every foreign key)
        boolean mysql;
        try (var connection = jdbc.getDataSource().getConnection()) {
            mysql = !connection.getMetaData().getDatabaseProductName().equals("H2");
        }
        for (String table : List.of("activity", "score_record", "ethics_record", "leave_period", "prior_hours")) {
            java.util.Map<String, List<String>> indexes = new java.util.TreeMap<>();
            java.util.Set<String> unique = new java.util.HashSet<>();
            try (var connection = jdbc.getDataSource().getConnection()) {
                var meta = connection.getMetaData();
                String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
                try (var rs = meta.getIndexInfo(connection.getCatalog(), null, name, false, false)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME");
                        indexes.computeIfAbsent(index, i -> new java.util.ArrayList<>()).add(rs.getString("COLUMN_NAME").toLowerCase());
                        if (!rs.getBoolean("NON_UNIQUE")) {
                            unique.add(index);
                        }
                    }
                }
            }
            assertThat(indexes.entrySet()).as(table).anySatisfy(e -> {
                assertThat(e.getValue()).containsExactly("teacher_id", "record_key");
                assertThat(unique).contains(e.getKey());
            });
            assertThat(indexes.values()).as(table).doesNotContain(List.of("record_key"));
            if (mysql) {
                assertThat(indexes.values()).as(table).doesNotContain(List.of("teacher_id"));
            }
        }
    }

    @Test
    void wrongTypeIsReportedByCellAndNothingIsWritten() throws IOException {
        assertRefused(activities("T1,2025-2026-1,自学,2025-09-10,2,1,", "T1,2025-2026-1,自学,2025-09-17,两小时,1,"),
                "activities.csv:3:E: 学时: 应为数字，实为“两小时”");
    }

    @Test
    void unknownTeacherIsRefused() throws IOException {
        assertRefused(activities("T9,2025-2026-1,自学,2025-09-10,2,1,"), "activities.csv:2:A: 工号: 工号“T9”不存在");
    }

    @Test
    void unknownSchoolIsRefused() throws IOException {
        Path file = TestTables.xlsx(dir.resolve("teachers2.xlsx"), List.of(
                List.of("工号", "姓名", "学校编号", "岗位", "出生年份", "教龄"),
                List.of("T7", "赵敏", "S1", "教师", 1990, 8),
                List.of("T8", "周杰", "S99", "教师", 1990, 8)));
        ImportResult result = importOne(file);
        assertThat(result.problems()).extracting(RowProblem::toString)
                .containsExactly("teachers2.xlsx:3:C: 学校编号: 学校编号“S99”不存在，请先导入学校名单");
        assertThat(count("teacher")).isEqualTo(2);
    }

    @Test
    void unknownActivityTypeIsRefused() throws IOException {
        assertRefused(activities("T1,2025-2026-1,打篮球,2025-09-10,2,1,"), "activities.csv:2:C: 活动类型: 未知的活动类型“打篮球”");
    }

    @Test
    void negativeAndAbsurdHoursAreRefused() throws IOException {
        ImportResult result = importOne(activities("T1,2025-2026-1,自学,2025-09-10,-2,1,", "T1,2025-2026-1,自学,2025-09-11,500,1,"));
        assertThat(result.problems()).extracting(RowProblem::toString).containsExactly(
                "activities.csv:2:E: 学时: 数值 -2 超出合理范围 0–80",
                "activities.csv:3:E: 学时: 数值 500 超出合理范围 0–80");
        assertThat(count("activity")).isZero();
    }

    @Test
    void dateOutsideTheTermIsRefused() throws IOException {
        assertRefused(activities("T1,2025-2026-1,自学,2026-03-02,2,1,"),
                "activities.csv:2:D: 日期: 日期 2026-03-02 不在学期 2025-2026-1（2025-09-01 至 2026-01-11）内");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path file = Files.write(dir.resolve("empty.csv"), new byte[0]);
        assertRefused(file, "empty.csv:0:-: 文件为空");
    }

    @Test
    void headerWithoutRowsIsRefused() throws IOException {
        assertRefused(TestTables.csv(dir.resolve("activities.csv"), StandardCharsets.UTF_8, false, ACTIVITY_HEADER),
                "activities.csv:2:-: 只有表头，没有数据行");
    }

    @Test
    void missingRequiredColumnIsNamed() throws IOException {
        Path file = TestTables.csv(dir.resolve("activities.csv"), StandardCharsets.UTF_8, false,
                "工号,学期编号,活动类型,学时", "T1,2025-2026-1,自学,2");
        ImportResult result = importOne(file);
        assertThat(result.problems().get(0).reason()).startsWith("无法识别表格类型");
        assertThat(count("activity")).isZero();
    }

    @Test
    void fileThatIsNotASpreadsheetIsRefused() throws IOException {
        Path fake = Files.write(dir.resolve("report.xlsx"), "this is a text file, not a workbook".getBytes(StandardCharsets.UTF_8));
        assertRefused(fake, "report.xlsx:0:-: 不是有效的 XLSX 文件（文件已损坏或扩展名不符）");
        Path binary = Files.write(dir.resolve("photo.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertRefused(binary, "photo.csv:0:-: 不是文本表格（含二进制内容），请另存为 CSV 或 XLSX");
        Path pdf = Files.write(dir.resolve("scan.pdf"), "%PDF-1.4".getBytes(StandardCharsets.UTF_8));
        assertRefused(pdf, "scan.pdf:0:-: 不支持的文件类型，只接受 .xlsx 和 .csv");
    }

    @Test
    void anUnterminatedQuoteIsRefusedAtItsRowInsteadOfSwallowingTheRest() throws IOException {
        assertRefused(activities("T1,2025-2026-1,自学,2025-09-10,2,1,\"忘了闭合", "T1,2025-2026-1,自学,2025-09-17,2,1,", "T2,2025-2026-1,自学,2025-09-17,2,1,"),
                "activities.csv:0:-: 第 2 行 G 列的引号没有闭合：其后的所有行都会被读进这一格");
    }

    @Test
    void utf16WithByteOrderMarkIsReadAndWithoutItRefusedByName() throws IOException {
        String text = ACTIVITY_HEADER + "\r\nT1,2025-2026-1,自学,2025-09-10,2,1,统一文本\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Path unicode = Files.write(dir.resolve("activities-utf16.csv"), withBom);
        assertThat(importOne(unicode).problems()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT note FROM activity", String.class)).isEqualTo("统一文本");

        Path noBom = Files.write(dir.resolve("activities-utf16-nobom.csv"), body);
        assertRefused(noBom, "activities-utf16-nobom.csv:0:-: 文件是没有 BOM 的 UTF-16 文本");
    }

    @Test
    void cellsBeyondTheHeaderAreReportedOneByOne() throws IOException {
        assertRefused(activities("T1,2025-2026-1,自学,2025-09-10,2,1,备注,多出来,又一格"),
                "activities.csv:2:H: 表头只有 7 列，这一格多出来：“多出来”");
        assertRefused(activities("T1,2025-2026-1,自学,2025-09-10,2,1,备注,多出来,又一格"),
                "activities.csv:2:I: 表头只有 7 列，这一格多出来：“又一格”");
    }

    @Test
    void oversizedFileIsRefusedBeforeReading() throws IOException {
        Path big = dir.resolve("huge.csv");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(50_000_001L);
        }
        assertRefused(big, "huge.csv:0:-: 文件过大: 50000001 字节，上限 50000000 字节");
    }

    @Test
    void zipBombWorkbookIsRefused() throws IOException {
        Path honest = TestTables.xlsx(dir.resolve("honest.xlsx"), List.of(
                List.of("工号", "学期编号", "活动类型", "日期"), List.of("T1", "2025-2026-1", "自学", "2025-09-10")));
        Path bomb = dir.resolve("bomb.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(honest));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] padding = new byte[1 << 20];
                    java.util.Arrays.fill(padding, (byte) ' ');
                    for (int i = 0; i < 200; i++) {
                        out.write(padding);
                    }
                    out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(2_000_000);
        assertRefused(bomb, "bomb.xlsx:0:-: 文件疑似压缩炸弹（解压后异常膨胀），已拒绝");
    }

    @Test
    void oneBadRowKeepsTheWholeFileOut() throws IOException {
        ImportResult result = importOne(activities(
                "T1,2025-2026-1,自学,2025-09-10,2,1,", "T2,2025-2026-1,自学,2025-09-10,2,1,", "T2,2025-2026-1,自学,2025-09-10,2,abc,"));
        assertThat(result.imported()).isFalse();
        assertThat(result.problems()).extracting(RowProblem::toString).containsExactly("activities.csv:4:F: 数量: 应为整数，实为“abc”");
        assertThat(count("activity")).isZero();
    }

    @Test
    void unknownRoleAndDuplicateIdAreRefused() throws IOException {
        Path file = TestTables.xlsx(dir.resolve("teachers3.xlsx"), List.of(
                List.of("工号", "姓名", "学校编号", "岗位", "出生年份", "教龄"),
                List.of("T5", "赵敏", "S1", "厨师", 1990, 8),
                List.of("T6", "周杰", "S1", "教师", 1990, 8),
                List.of("T6", "周杰", "S1", "教师", 1990, 8)));
        assertThat(importOne(file).problems()).extracting(RowProblem::toString).containsExactly(
                "teachers3.xlsx:2:D: 岗位: 未知岗位“厨师”（可用：校长、主管领导、教导主任、教研组长、班主任、教师）",
                "teachers3.xlsx:4:A: 工号: 工号“T6”在本文件中重复");
        assertThat(count("teacher")).isEqualTo(2);
    }

    @Test
    void xlsxDateCellsAreRead() throws IOException {
        Path file = dir.resolve("scores.xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet();
            var header = sheet.createRow(0);
            String[] headers = {"工号", "学期编号", "评分类型", "分数", "日期"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("T1");
            row.createCell(1).setCellValue("2025-2026-1");
            row.createCell(2).setCellValue("校长导评");
            row.createCell(3).setCellValue(91.5);
            var date = row.createCell(4);
            date.setCellValue(java.time.LocalDate.of(2025, 12, 30));
            var style = workbook.createCellStyle();
            style.setDataFormat((short) 14);
            date.setCellStyle(style);
            workbook.write(out);
        }
        assertThat(importOne(file).problems()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT recorded_on FROM score_record", java.sql.Date.class).toLocalDate())
                .isEqualTo(java.time.LocalDate.of(2025, 12, 30));
    }

    private Path activities(String... rows) throws IOException {
        String[] lines = new String[rows.length + 1];
        lines[0] = ACTIVITY_HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return TestTables.csv(dir.resolve("activities.csv"), StandardCharsets.UTF_8, false, lines);
    }

    private void assertRefused(Path file, String message) {
        int before = count("activity") + count("teacher") + count("score_record");
        ImportResult result = importOne(file);
        assertThat(result.imported()).isFalse();
        assertThat(result.problems()).extracting(RowProblem::toString).anySatisfy(p -> assertThat(p).startsWith(message));
        assertThat(count("activity") + count("teacher") + count("score_record")).isEqualTo(before);
    }

    /** True where the rows go in through LOAD DATA (the mysql profile's settings), false where as inserts. */
    abstract boolean loadsInBulk();

    @Test
    void rowsGoInThroughTheWriterThisDatabaseIsConfiguredFor(@Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
        var inTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        Boolean bulk = inTransaction.execute(s -> BulkLoad.of(jdbc) != null);
        assertThat(bulk).isEqualTo(loadsInBulk());
        assertThat(BulkLoad.of(jdbc)).as("outside a transaction a file could not go in whole or not at all").isNull();
    }

    @Test
    void aNoteComesBackExactlyWhateverItsCharacters() throws IOException {
        String note = "制表\t符、换行\n第二行、反斜杠\\N 与 \\t、引号'\"、\\、末尾空格 ";
        Path file = dir.resolve("notes.csv");
        Files.writeString(file, ACTIVITY_HEADER + "\n" + "T1,2025-2026-1,听课,2025-09-10,,3,\"" + note.replace("\"", "\"\"") + "\"\n",
                StandardCharsets.UTF_8);
        assertThat(importOne(file).problems()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT note FROM activity", String.class)).isEqualTo(note.strip());
    }

    @Test
    void aFileLongerThanOneWriteGoesInWholeOrNotAtAll() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(ACTIVITY_HEADER);
        for (int i = 0; i < 45_000; i++) {
            lines.add("T" + (1 + i % 2) + ",2025-2026-1,自学," + java.time.LocalDate.of(2025, 9, 1).plusDays(i % 120) + ",0.5,1,第" + i + "条");
        }
        Path file = dir.resolve("long.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        Files.writeString(file, "T1,2025-2026-1,自学,2025-09-10,半小时,1,\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        ImportResult refused = importOne(file);
        assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.toString()).contains("45002").contains("学时"));
        assertThat(count("activity")).isZero();

        Files.write(file, lines, StandardCharsets.UTF_8);
        assertThat(importOne(file).problems()).isEmpty();
        assertThat(count("activity")).isEqualTo(45_000);
        assertThat(jdbc.queryForObject("SELECT SUM(hours) FROM activity", Double.class)).isEqualTo(22_500.0);
    }

    @Test
    void aFileStoppedPartWayLeavesNothingOfItsEarlierParts(@Autowired org.springframework.transaction.PlatformTransactionManager transactions)
            throws IOException {
        // the row bound is met after two parts went to the database (on MariaDB, one of them may still be loading)
        var bounded = new SpreadsheetImporter(jdbc, new org.springframework.transaction.support.TransactionTemplate(transactions),
                new ImportLimits(268_435_456L, 25_000, 80, 50));
        List<String> lines = new java.util.ArrayList<>();
        lines.add(ACTIVITY_HEADER);
        for (int i = 0; i < 30_000; i++) {
            lines.add("T1,2025-2026-1,自学," + java.time.LocalDate.of(2025, 9, 1).plusDays(i % 120) + ",1,1,第" + i + "条");
        }
        Path file = dir.resolve("too-long.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        List<ImportResult> results = bounded.importFiles(List.of(file));
        assertThat(results).singleElement().satisfies(r -> assertThat(r.problems().toString()).contains("行数超过上限 25000"));
        assertThat(count("activity")).isZero();
    }

    @Test
    void aProvinceSchoolListGoesInWithDistrictsFirstNamedAfterItsFirstThousandSchools() throws IOException {
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of("学校编号", "学校名称", "学校类型", "区县编号", "区县名称"));
        for (int i = 0; i < 2_500; i++) {
            String district = i < 1_200 ? "D1" : i < 2_000 ? "D2" : "D3";
            rows.add(List.of("P" + i, "第" + i + "小学", "小学", district, district.equals("D1") ? "样本县" : "新区" + district));
        }
        ImportResult result = importOne(TestTables.xlsx(dir.resolve("province-schools.xlsx"), rows));
        assertThat(result.problems()).isEmpty();
        assertThat(count("school")).isEqualTo(2_501);
        assertThat(count("district")).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT name FROM district WHERE id = 'D3'", String.class)).isEqualTo("新区D3");
    }

    @Test
    void aDistrictNamedTwoWaysInOneFileIsRefusedAtTheSecondName() throws IOException {
        Path file = TestTables.xlsx(dir.resolve("two-names.xlsx"), List.of(
                List.of("学校编号", "学校名称", "学校类型", "区县编号", "区县名称"),
                List.of("S7", "一小", "小学", "D7", "东区"),
                List.of("S8", "二小", "小学", "D7", "西区")));
        ImportResult result = importOne(file);
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                .contains("two-names.xlsx:3:E").contains("“东区”").contains("“西区”"));
        assertThat(count("district")).isEqualTo(1);
    }

    @Test
    void anotherFileGoesInWhileALongImportIsStillOpen() throws Exception {
        // a province's activity file keeps its transaction open for an hour: another county's file may not wait for it
        Path longFile = activityFile("long.csv", "T1", 12_000);
        Path otherFile = activityFile("other.csv", "T2", 50);
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (HeldImport first = new HeldImport(longFile, 10_000)) {
            assertThat(first.held()).isTrue();
            var second = other.submit(() -> importer.importFiles(List.of(otherFile)));
            assertThat(second.get(30, java.util.concurrent.TimeUnit.SECONDS)).singleElement()
                    .satisfies(r -> assertThat(r.problems()).isEmpty());
            assertThat(count("activity")).as("the long file is not committed yet").isEqualTo(50);
            assertThat(first.finish().problems()).isEmpty();
            assertThat(count("activity")).isEqualTo(12_050);
            // and the long file imported again replaces its own rows only
            assertThat(importOne(longFile).problems()).isEmpty();
            assertThat(count("activity")).isEqualTo(12_050);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aFileIsImportedAgainWhileTheCorrectionOfTheFileBeforeItIsStillOpen() throws Exception {
        // a correction removes its file's earlier rows by id and brings them back: nothing it holds stops the correction
        // of the files imported after it, whose rows come next in the table (under repeatable read the first of them
        // stayed locked until the long correction ended). The two teachers are not neighbours in the key index: a
        // row brought back takes a lock on the key after it, the next teacher's first (see README, "Databases")
        assertThat(importOne(TestTables.xlsx(dir.resolve("teachers-more.xlsx"), List.of(
                List.of("工号", "姓名", "学校编号", "教研组", "岗位", "出生年份", "教龄"),
                List.of("T3", "赵敏", "S1", "语文组", "教师", 1990, 8)))).problems()).isEmpty();
        Path between = activityFile("between.csv", "T2", 5);
        Path longFile = activityFile("long.csv", "T3", 12_000);
        Path before = activityFile("a-other.csv", "T1", 30);
        Path after = activityFile("z-other.csv", "T1", 40);
        for (Path file : List.of(between, longFile, before, after)) {
            assertThat(importOne(file).problems()).isEmpty();
        }
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (HeldImport correction = new HeldImport(longFile, 10_000)) {
            assertThat(correction.held()).isTrue();
            var again = other.submit(() -> importer.importFiles(List.of(before, after)));
            assertThat(again.get(30, java.util.concurrent.TimeUnit.SECONDS)).hasSize(2)
                    .allSatisfy(r -> assertThat(r.problems()).isEmpty());
            assertThat(correction.finish().problems()).isEmpty();
        } finally {
            other.shutdownNow();
        }
        assertThat(count("activity")).isEqualTo(12_075);
    }

    /**
     * One file imported on a thread of its own that stops, its transaction open, once more than {@code rows} rows are
     * read, until {@link #finish} lets it go on.
     */
    final class HeldImport implements AutoCloseable {
        private final java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        private final java.util.concurrent.Future<List<ImportResult>> result;

        HeldImport(Path file, long rows) {
            result = thread.submit(() -> importer.importFiles(List.of(file), new SpreadsheetImporter.Listener() {
                @Override
                public void read(long read) {
                    if (read > rows && holding.getCount() > 0) {
                        holding.countDown();
                        try {
                            release.await(120, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            }));
        }

        /** Waits until the import has stopped; false if it never did. */
        boolean held() throws InterruptedException {
            return holding.await(120, java.util.concurrent.TimeUnit.SECONDS);
        }

        /** Lets the import go on to its end; its one result. */
        ImportResult finish() throws Exception {
            release.countDown();
            List<ImportResult> results = result.get(120, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(results).hasSize(1);
            return results.get(0);
        }

        @Override
        public void close() {
            release.countDown();
            thread.shutdownNow();
        }
    }

    /** An activity file of one teacher's self-study, {@code rows} rows on the term's days. */
    Path activityFile(String name, String teacher, int rows) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(ACTIVITY_HEADER);
        for (int i = 0; i < rows; i++) {
            lines.add(teacher + ",2025-2026-1,自学," + java.time.LocalDate.of(2025, 9, 1).plusDays(i % 120) + ",1,1," + name + "第" + i + "条");
        }
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private ImportResult importOne(Path file) {
        List<ImportResult> results = importer.importFiles(List.of(file));
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
