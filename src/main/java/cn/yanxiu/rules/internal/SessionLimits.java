package cn.yanxiu.rules.internal;

/** Caps on one teacher's session, so a rule set that loops is recorded as an error instead of hanging a batch. */
public record SessionLimits(int maxFirings, long maxMillis) {

    public static final SessionLimits DEFAULT = new SessionLimits(20_000, 5_000);
}
