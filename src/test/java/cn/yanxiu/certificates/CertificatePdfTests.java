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

/** Certificates drawn at the same time (the teachers' week) share parsed copies of the font and each still reads back as its own, its code scanning. */
class CertificatePdfTests {

    private static final String[] NAMES = {"张三丰", "李四海", "王五岳", "赵六艺", "钱七巧", "孙八骏", "周九龄", "吴十全"};

    @Test
    void certificatesDrawnOnSeveralThreadsEachCarryTheirOwnTeachersText(@TempDir Path dir) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Path>> drawn = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        java.util.Random random = new java.util.Random(20260120);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < NAMES.length; i++) {
                String name = NAMES[i];
                // as issued: YX-<term>-<ten random>-<five check>, a different code on every certificate
                String serial = "YX-2025-2026-1-" + letters(random, 10) + "-" + letters(random, 5);
                serials.add(serial);
                drawn.add(threads.submit(() -> {
                    Path file = dir.resolve(serial + ".pdf");
                    CertificatePdf.write(new CertificateContent(serial, "T" + serial, name, name.charAt(0) + "家湾小学", "2025-2026学年第一学期", "合格",
                            new BigDecimal("48.5"), new BigDecimal("4.9"), Map.of("自学", new BigDecimal("20")), "0123456789abcdef0123456789abcdef",
                            Instant.parse("2026-01-20T02:00:00Z"), "某某县教育局", null), "http://localhost:8080/verify/" + serial, file);
                    return file;
                }));
            }
        }
        threads.shutdown();
        for (int k = 0; k < drawn.size(); k++) {
            String name = NAMES[k % NAMES.length];
            try (PDDocument doc = Loader.loadPDF(drawn.get(k).get().toFile())) {
                assertThat(new PDFTextStripper().getText(doc)).contains(name + " 老师", name.charAt(0) + "家湾小学", "认定学时 48.5 学时", serials.get(k));
                // each certificate's code scans from the whole page as printed (300 dpi; at 150 dpi, modules of six pixels, some codes
                // did not decode, drawn either way)
                var page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 300);
                String scanned = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                        new com.google.zxing.common.HybridBinarizer(new com.google.zxing.client.j2se.BufferedImageLuminanceSource(page)))).getText();
                assertThat(scanned).isEqualTo("http://localhost:8080/verify/" + serials.get(k));
            }
        }
    }

    private static String letters(java.util.Random random, int n) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
