package cn.yanxiu.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates drawn at the same time (the teachers' week) share parsed copies of the font and each still reads back as its own. */
class CertificatePdfTests {

    private static final String[] NAMES = {"张三丰", "李四海", "王五岳", "赵六艺", "钱七巧", "孙八骏", "周九龄", "吴十全"};

    @Test
    void certificatesDrawnOnSeveralThreadsEachCarryTheirOwnTeachersText(@TempDir Path dir) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Path>> drawn = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < NAMES.length; i++) {
                String name = NAMES[i];
                String serial = "YX-TEST-" + round + "-" + i;
                drawn.add(threads.submit(() -> {
                    Path file = dir.resolve(serial + ".pdf");
                    CertificatePdf.write(new CertificateContent(serial, "T" + serial, name, name.charAt(0) + "家湾小学", "2025-2026学年第一学期", "合格",
                            new BigDecimal("48.5"), new BigDecimal("4.9"), Map.of("自学", new BigDecimal("20")), "0123456789abcdef0123456789abcdef",
                            Instant.parse("2026-01-20T02:00:00Z"), "某某县教育局", null), "https://yanxiu.example.gov.cn/verify/" + serial, file);
                    return file;
                }));
            }
        }
        threads.shutdown();
        for (int k = 0; k < drawn.size(); k++) {
            String name = NAMES[k % NAMES.length];
            try (PDDocument doc = Loader.loadPDF(drawn.get(k).get().toFile())) {
                assertThat(new PDFTextStripper().getText(doc)).contains(name + " 老师", name.charAt(0) + "家湾小学", "认定学时 48.5 学时", "YX-TEST-" + (k / NAMES.length));
            }
        }
    }
}
