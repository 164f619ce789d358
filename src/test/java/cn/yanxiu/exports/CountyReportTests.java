package cn.yanxiu.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yanxiu.evaluation.EvaluationRuns;
import cn.yanxiu.evaluation.EvaluationService;
import cn.yanxiu.generate.SampleCountyGenerator;
import cn.yanxiu.importing.SpreadsheetImporter;
import cn.yanxiu.support.Databases;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

/** The county summary (C3) and the export command on a generated county of 150 teachers, read back with POI. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountyReportTests {

    @Autowired
    SpreadsheetImporter importer;

    @Autowired
    EvaluationService evaluation;

    @Autowired
    CountyReportExporter exporter;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandLine.IFactory factory;

    @TempDir
    Path dir;

    EvaluationRuns.Run run;

    @BeforeAll
    void countyEvaluated(@TempDir Path county) throws Exception {
        Databases.clear(jdbc);
        List<Path> files = new SampleCountyGenerator(150, 5).write(county, n -> { });
        assertThat(importer.importFiles(files)).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        run = evaluation.evaluate("2025-2026-1", Path.of("rules/2025-2026"), "全部", "tests", null);
    }

    @Test
    void schoolsSideBySideMatchTheRun() throws Exception {
        Path out = dir.resolve("county.xlsx");
        int schools = exporter.write(run.id(), out);

        assertThat(schools).isEqualTo(jdbc.queryForObject("SELECT COUNT(DISTINCT school_id) FROM evaluation_result WHERE run_id = ?", Integer.class, run.id()));
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("县域汇总");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            List<String> headers = new ArrayList<>();
            int h = PrintedForm.HEADER_ROW;
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("县域校本研修汇总表");
            sheet.getRow(h).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).startsWith("学校编号", "学校", "类型", "教师数", "全校培训（天）", "教研活动（次）")
                    .contains("优秀（人）", "合格（人）", "不合格（人）", "G5 达标率", "H1 达标率");
            int teachersTotal = 0;
            for (int r = h + 1; r < h + 1 + schools; r++) {
                Row row = sheet.getRow(r);
                String school = row.getCell(0).getStringCellValue();
                int teachers = (int) row.getCell(3).getNumericCellValue();
                teachersTotal += teachers;
                for (Map<String, Object> g : jdbc.queryForList("SELECT grade, COUNT(*) AS n FROM evaluation_result WHERE run_id = ? AND school_id = ? "
                        + "GROUP BY grade", run.id(), school)) {
                    assertThat(row.getCell(headers.indexOf(g.get("grade") + "（人）")).getNumericCellValue())
                            .as(school + " " + g.get("grade")).isEqualTo(((Number) g.get("n")).doubleValue());
                }
                int vetoed = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE run_id = ? AND school_id = ? AND vetoed = TRUE",
                        Integer.class, run.id(), school);
                assertThat(row.getCell(headers.indexOf("G5 达标率")).getNumericCellValue()).as(school + " G5")
                        .isCloseTo((teachers - vetoed) / (double) teachers, org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(teachersTotal).isEqualTo(150);
            Row total = sheet.getRow(h + 1 + schools);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("全县合计");
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(150);
        }
    }

    @Test
    void theExportCommandRefusesWhatItCannotWrite() {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new ExportCommand(), factory);
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));

        assertThat(line.execute("county", "--run", String.valueOf(run.id()), "--out", dir.resolve("c.csv").toString())).isEqualTo(2);
        assertThat(line.execute("results", "--run", "987654", "--out", dir.resolve("r.xlsx").toString())).isEqualTo(2);
        assertThat(line.execute("results", "--run", String.valueOf(run.id()), "--out", dir.resolve("r.pdf").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("只能导出为 .xlsx", "没有运行 #987654", "只能导出为 .xlsx、.csv 或 .jsonl");
        assertThat(line.execute("results", "--run", String.valueOf(run.id()), "--out", dir.resolve("r.xlsx").toString())).isZero();
        assertThat(Files.exists(dir.resolve("r.xlsx"))).isTrue();
        assertThat(line.execute("credits", "--term", "2025-2026-1", "--out", dir.resolve("new/folder/c.xlsx").toString())).isZero();
        assertThat(Files.exists(dir.resolve("new/folder/c.xlsx"))).isTrue();
        Path blocked = dir.resolve("r.xlsx").resolve("inside.xlsx"); // a file where a folder should be
        assertThat(line.execute("county", "--run", String.valueOf(run.id()), "--out", blocked.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("无法写入");
        assertThatThrownBy(() -> exporter.write(424242, dir.resolve("x.xlsx"))).hasMessageContaining("没有运行 #424242");
    }
}
