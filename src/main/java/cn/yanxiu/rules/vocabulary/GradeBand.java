package cn.yanxiu.rules.vocabulary;

/**
 * 等级 (decision table bands.drl.xlsx): one grade level as data. Scores from {@code min} (inclusive) to {@code max}
 * (exclusive; the top band includes 100) get {@code label}; a higher {@code level} is a better grade. What the
 * level means is stated per level, in cells of 是/否: whether it passes (考评通过), earns a certificate (发证),
 * keeps its hours (认定学时), allows the title review (职称评审) and allows 优秀 in the annual review (年度考核可评优).
 * Rules read these columns, never the labels, so adding or renaming a level is an edit of this table and the manifest.
 */
public final class GradeBand {
    /** The top of the score scale: the band that reaches it includes it. */
    public static final double FULL_SCORE = 100;
    public static final String YES = "是";
    public static final String NO = "否";

    private String label;
    private int level;
    private double min;
    private double max;
    private String policy;
    private String passes = YES;
    private String certificate = YES;
    private String hoursRecognised = YES;
    private String titleReview = YES;
    private String annualExcellence = YES;

    public GradeBand() {
    }

    public GradeBand(String label, int level, double min, double max, String policy) {
        this.label = label;
        this.level = level;
        this.min = min;
        this.max = max;
        this.policy = policy;
    }

    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public int getLevel() { return level; }
    public void setLevel(int level) { this.level = level; }
    public double getMin() { return min; }
    public void setMin(double min) { this.min = min; }
    public double getMax() { return max; }
    public void setMax(double max) { this.max = max; }
    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }

    /** The cells as written (是/否), for the rule-set check. */
    public String getPassesText() { return passes; }
    public String getCertificateText() { return certificate; }
    public String getHoursRecognisedText() { return hoursRecognised; }
    public String getTitleReviewText() { return titleReview; }
    public String getAnnualExcellenceText() { return annualExcellence; }
    public void setPasses(String cell) { this.passes = cell; }
    public void setCertificate(String cell) { this.certificate = cell; }
    public void setHoursRecognised(String cell) { this.hoursRecognised = cell; }
    public void setTitleReview(String cell) { this.titleReview = cell; }
    public void setAnnualExcellence(String cell) { this.annualExcellence = cell; }

    public boolean isPassing() { return yes(passes); }
    public boolean isCertificate() { return yes(certificate); }
    public boolean isHoursRecognised() { return yes(hoursRecognised); }
    public boolean isTitleReview() { return yes(titleReview); }
    public boolean isAnnualExcellence() { return yes(annualExcellence); }

    private static boolean yes(String cell) {
        return cell != null && YES.equals(cell.strip());
    }

    /** True when a cell reads 是 or 否 (the check refuses anything else). */
    public static boolean isYesOrNo(String cell) {
        return cell != null && (YES.equals(cell.strip()) || NO.equals(cell.strip()));
    }
}
