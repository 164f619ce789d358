package cn.yanxiu.certificates;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Draws a certificate (校本研修合格证书 · 继续教育学分证明) as an A4 landscape PDF: Chinese text in an embedded
 * subset of Droid Sans Fallback, and a QR code drawn as vector squares that leads to the verification page.
 */
final class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(cn.yanxiu.system.Times.zone());
    private static final byte[] FONT = loadFont();
    private static final PDType1Font LATIN = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final org.apache.fontbox.ttf.CmapLookup CJK_GLYPHS = cmap();

    private CertificatePdf() {
    }

    /**
     * Parsed copies of the font, each used by one drawing at a time (the font's reader is not shared between
     * threads), at most one per core: a drawing waits for a free copy rather than parsing its own. Parsing the
     * 3 MB font for every certificate filled a web instance's heap when a county's teachers downloaded theirs in
     * the same minutes.
     */
    private static final java.util.concurrent.BlockingQueue<org.apache.fontbox.ttf.TrueTypeFont> PARSED = new java.util.concurrent.LinkedBlockingQueue<>();
    private static final java.util.concurrent.atomic.AtomicInteger PARSED_COUNT = new java.util.concurrent.atomic.AtomicInteger();
    private static final int MAX_PARSED = Math.max(2, Runtime.getRuntime().availableProcessors());

    static void write(CertificateContent c, String verifyUrl, Path file) throws IOException {
        org.apache.fontbox.ttf.TrueTypeFont parsed = borrowFont();
        try {
            write(c, verifyUrl, file, parsed);
        } finally {
            PARSED.offer(parsed);
        }
    }

    private static org.apache.fontbox.ttf.TrueTypeFont borrowFont() throws IOException {
        org.apache.fontbox.ttf.TrueTypeFont free = PARSED.poll();
        if (free != null) {
            return free;
        }
        if (PARSED_COUNT.incrementAndGet() <= MAX_PARSED) {
            try {
                return parse();
            } catch (IOException | RuntimeException e) {
                PARSED_COUNT.decrementAndGet();
                throw e;
            }
        }
        PARSED_COUNT.decrementAndGet();
        try {
            return PARSED.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("等待字体时被中断");
        }
    }

    private static void write(CertificateContent c, String verifyUrl, Path file, org.apache.fontbox.ttf.TrueTypeFont parsed) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            doc.addPage(page);
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("校本研修合格证书 " + c.serial());
            info.setSubject(c.teacherName() + " " + c.termName());
            doc.setDocumentInformation(info);
            // the font is subset when the document is saved, so the parsed copy stays this drawing's until then
            PDType0Font font = PDType0Font.load(doc, parsed, true);
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setLineWidth(3);
                cs.addRect(28, 28, width - 56, height - 56);
                cs.stroke();
                cs.setLineWidth(0.8f);
                cs.addRect(36, 36, width - 72, height - 72);
                cs.stroke();
                centred(cs, font, 34, "校本研修合格证书", width, height - 110);
                centred(cs, font, 16, "继续教育学分证明", width, height - 140);
                float y = height - 200;
                y = line(cs, font, 15, 90, y, c.teacherName() + " 老师（工号 " + c.teacherId() + "），" + c.schoolName() + "：");
                y = line(cs, font, 15, 120, y, "于" + c.termName() + "参加校本研修，经考核，等级为“" + c.grade() + "”，");
                y = line(cs, font, 15, 120, y, "认定学时 " + plain(c.hours()) + " 学时，折合 " + plain(c.credits()) + " 学分。特发此证。");
                y -= 10;
                String kinds = c.hoursByKind().entrySet().stream().map(e -> e.getKey() + " " + plain(e.getValue()))
                        .collect(Collectors.joining("，"));
                String[] parts = wrap(kinds.isEmpty() ? "（无）" : kinds, 46);
                for (int i = 0; i < parts.length; i++) {
                    y = line(cs, font, 11, 120, y, (i == 0 ? "各类学时：" : "　　　　　") + parts[i]);
                }
                // the issuing authority, its signature line and (when configured) its seal, above the QR code
                float right = width - 420;
                if (c.seal() != null) {
                    org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image =
                            org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject.createFromByteArray(doc, c.seal(), "seal.png");
                    cs.drawImage(image, right + 40, 150, 110, 110);
                }
                line(cs, font, 14, right, 220, "发证单位：" + (c.issuer() == null || c.issuer().isBlank() ? "＿＿＿＿＿＿＿＿" : c.issuer()));
                line(cs, font, 12, right, 196, "负责人（签章）：＿＿＿＿＿＿");
                line(cs, font, 12, right, 174, DATE.format(c.issuedAt()));
                line(cs, font, 10, 90, 110, "证书编号：" + c.serial());
                line(cs, font, 10, 90, 92, "发证日期：" + DATE.format(c.issuedAt()) + "　　规则集：" + c.ruleSetHash().substring(0, 16));
                line(cs, font, 10, 90, 74, "扫描右侧二维码或访问 " + verifyUrl + " 核验真伪");
                qr(cs, verifyUrl, width - 190, 60, 120);
            }
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                doc.save(out);
            }
        }
    }

    private static void centred(PDPageContentStream cs, PDType0Font font, float size, String text, float pageWidth, float y) throws IOException {
        float textWidth = 0;
        for (String run : runs(text)) {
            textWidth += (latin(run) ? LATIN : font).getStringWidth(text(run)) / 1000 * size;
        }
        line(cs, font, size, (pageWidth - textWidth) / 2, y, text);
    }

    /** One line of text; ASCII runs are set in Helvetica, since the CJK font carries no Latin glyphs. */
    private static float line(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String text) throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (String run : runs(text)) {
            cs.setFont(latin(run) ? LATIN : font, size);
            cs.showText(text(run));
        }
        cs.endText();
        return y - size * 1.9f;
    }

    /**
     * Splits text into runs of one font: characters the CJK font has, and the rest in Helvetica (a character
     * neither font has becomes "?" rather than failing a whole batch of certificates).
     */
    private static java.util.List<String> runs(String text) {
        java.util.List<String> runs = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean currentLatin = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean isLatin = !inCjkFont(cp);
            String ch = new String(Character.toChars(cp));
            if (isLatin && !encodable(ch)) {
                ch = "?";
            }
            if (current.length() > 0 && isLatin != currentLatin) {
                runs.add((currentLatin ? "\u0000" : "") + current);
                current.setLength(0);
            }
            currentLatin = isLatin;
            current.append(ch);
        }
        if (current.length() > 0) {
            runs.add((currentLatin ? "\u0000" : "") + current);
        }
        return runs;
    }

    private static boolean latin(String run) {
        return run.charAt(0) == '\u0000';
    }

    private static String text(String run) {
        return latin(run) ? run.substring(1) : run;
    }

    private static boolean inCjkFont(int codePoint) {
        return codePoint >= 128 && CJK_GLYPHS.getGlyphId(codePoint) > 0;
    }

    private static boolean encodable(String ch) {
        try {
            LATIN.encode(ch);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void qr(PDPageContentStream cs, String text, float x, float y, float size) throws IOException {
        try {
            // the standard's quiet zone of four modules and error correction Q: a printed, handled, stamped certificate
            // must still scan (with one module and level M a rendering of the page failed to decode now and then)
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q, EncodeHintType.CHARACTER_SET, "UTF-8"));
            float module = size / m.getWidth();
            for (int row = 0; row < m.getHeight(); row++) {
                // a row's run of dark modules as one rectangle: no seams between neighbours where a renderer antialiases
                for (int col = 0; col < m.getWidth(); col++) {
                    if (m.get(col, row)) {
                        int end = col;
                        while (end + 1 < m.getWidth() && m.get(end + 1, row)) {
                            end++;
                        }
                        cs.addRect(x + col * module, y + size - (row + 1) * module, (end - col + 1) * module, module);
                        col = end;
                    }
                }
            }
            cs.fill();
        } catch (WriterException e) {
            throw new IOException("二维码生成失败：" + e.getMessage(), e);
        }
    }

    private static String[] wrap(String text, int perLine) {
        int lines = Math.max(1, (text.length() + perLine - 1) / perLine);
        String[] out = new String[lines];
        for (int i = 0; i < lines; i++) {
            out[i] = text.substring(i * perLine, Math.min(text.length(), (i + 1) * perLine));
        }
        return out;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static org.apache.fontbox.ttf.CmapLookup cmap() {
        try {
            return parse().getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.apache.fontbox.ttf.TrueTypeFont parse() throws IOException {
        return new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(FONT));
    }

    private static byte[] loadFont() {
        try (InputStream in = CertificatePdf.class.getResourceAsStream("/fonts/DroidSansFallback.ttf")) {
            if (in == null) {
                throw new IllegalStateException("缺少证书字体 fonts/DroidSansFallback.ttf");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
