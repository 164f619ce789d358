package cn.yanxiu.system;

/**
 * Text laid out for a terminal, where a Chinese character (and full-width punctuation) takes two columns:
 * {@code String.format("%-16s")} counts characters, so tables with Chinese names drift without this.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** Columns the text takes on a terminal. */
    public static int width(String text) {
        return text.codePoints().map(TerminalText::columns).sum();
    }

    private static int columns(int c) {
        boolean wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    /** The text, then spaces up to {@code width} columns (at least one space after it). */
    public static String left(String text, int width) {
        return text + " ".repeat(Math.max(1, width - width(text)));
    }

    /** Spaces, then the text, so it ends at {@code width} columns (at least one space before it). */
    public static String right(String text, int width) {
        return " ".repeat(Math.max(1, width - width(text))) + text;
    }
}
