package cn.yanxiu.web;

/** A run's status as the pages say it. */
final class RunStatus {

    private RunStatus() {
    }

    static final java.util.Map<String, String> LABELS = java.util.Map.of("RUNNING", label("RUNNING"), "COMPLETED", label("COMPLETED"),
            "INTERRUPTED", label("INTERRUPTED"), "ABANDONED", label("ABANDONED"));

    static String label(String status) {
        return switch (status) {
            case "RUNNING" -> "进行中";
            case "COMPLETED" -> "已完成";
            case "INTERRUPTED" -> "已中断（可继续）";
            case "ABANDONED" -> "已放弃";
            default -> status;
        };
    }
}
