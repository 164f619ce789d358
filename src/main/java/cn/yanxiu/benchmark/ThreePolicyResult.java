package cn.yanxiu.benchmark;

/** What the benchmark's three sample policies decide for one teacher: G1 final score, G5 veto, H1 hours met. */
public final class ThreePolicyResult {

    private final String teacherId;
    private double finalScore;
    private boolean vetoed;
    private boolean hoursMet;

    public ThreePolicyResult(String teacherId) {
        this.teacherId = teacherId;
    }

    public String getTeacherId() { return teacherId; }
    public double getFinalScore() { return finalScore; }
    public void setFinalScore(double finalScore) { this.finalScore = finalScore; }
    public boolean isVetoed() { return vetoed; }
    public void setVetoed(boolean vetoed) { this.vetoed = vetoed; }
    public boolean isHoursMet() { return hoursMet; }
    public void setHoursMet(boolean hoursMet) { this.hoursMet = hoursMet; }

    boolean sameAs(ThreePolicyResult other) {
        return teacherId.equals(other.teacherId) && Math.abs(finalScore - other.finalScore) < 1e-9
                && vetoed == other.vetoed && hoursMet == other.hoursMet;
    }
}
