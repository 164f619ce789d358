package cn.yanxiu.importing;

/** The one-line account of what a log import did. */
final class FactCounts {

    private FactCounts() {
    }

    static String of(String what, FactRows rows) {
        String text = what + "：导入 " + rows.inserted();
        if (rows.replaced() > 0) {
            text += "（替换本文件上次导入的 " + rows.replaced() + " 行）";
        }
        if (rows.skipped() > 0) {
            text += "，与其他文件重复而跳过 " + rows.skipped();
        }
        return text;
    }
}
