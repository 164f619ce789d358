package cn.yanxiu.appeals;

import java.util.Arrays;
import java.util.List;

/**
 * An evidence file as uploaded: a PDF or an image (PNG, JPEG). Its kind is read from its first bytes, never
 * from the name or the browser's word, and its name is kept only as a label.
 */
public record EvidenceFile(String name, byte[] content) {

    /** The kinds accepted: content type, label, and the bytes a file of the kind starts with. */
    enum Kind {
        PDF("application/pdf", "PDF", new byte[] {'%', 'P', 'D', 'F', '-'}),
        PNG("image/png", "PNG 图片", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
        JPEG("image/jpeg", "JPEG 图片", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

        final String contentType;
        final String label;
        final byte[] magic;

        Kind(String contentType, String label, byte[] magic) {
            this.contentType = contentType;
            this.label = label;
            this.magic = magic;
        }

        static Kind of(byte[] content) {
            for (Kind k : values()) {
                if (content.length >= k.magic.length && Arrays.equals(content, 0, k.magic.length, k.magic, 0, k.magic.length)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** The checked file: its label-safe name and its content type; refused with the file named when it is not evidence we keep. */
    record Checked(String name, String contentType, byte[] content) {
    }

    static List<Checked> check(List<EvidenceFile> files, int maxFiles, long maxBytes) {
        List<EvidenceFile> given = files == null ? List.of() : files.stream().filter(f -> f != null && f.content() != null
                && !(f.content().length == 0 && (f.name() == null || f.name().isBlank()))).toList();
        if (given.size() > maxFiles) {
            throw new Appeals.AppealRefused("一次最多附 " + maxFiles + " 个证据文件（收到 " + given.size() + " 个）");
        }
        return given.stream().map(f -> {
            String name = safeName(f.name());
            if (f.content().length == 0) {
                throw new Appeals.AppealRefused("证据文件 " + name + " 是空文件");
            }
            if (f.content().length > maxBytes) {
                throw new Appeals.AppealRefused("证据文件 " + name + " 过大（" + kb(f.content().length) + "，每个最多 " + kb(maxBytes) + "）");
            }
            Kind kind = Kind.of(f.content());
            if (kind == null) {
                throw new Appeals.AppealRefused("证据文件 " + name + " 不是 PDF、PNG 或 JPEG（按文件内容判断，与扩展名无关）");
            }
            return new Checked(name, kind.contentType, f.content());
        }).toList();
    }

    /** A name fit to show and to offer as a download name: no folders, no control characters, at most 100 characters. */
    static String safeName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        if (n.isEmpty()) {
            n = "证据";
        }
        return n.length() <= 100 ? n : n.substring(n.length() - 100);
    }

    private static String kb(long bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1048576.0) : Math.max(1, bytes / 1024) + " KB";
    }
}
