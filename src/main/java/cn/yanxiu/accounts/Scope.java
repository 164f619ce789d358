package cn.yanxiu.accounts;

import java.util.Locale;

/**
 * What an account's reach covers: the whole province, one district (county), or one school. Administrators
 * and auditors see and change only what lies inside it; a teacher's and an approver's reach is their school.
 */
public record Scope(Level level, String id) implements java.io.Serializable {

    public enum Level {
        PROVINCE("全省"),
        DISTRICT("区县"),
        SCHOOL("学校");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final Scope PROVINCE = new Scope(Level.PROVINCE, null);

    public Scope {
        if (level == null) {
            throw new IllegalArgumentException("范围级别必填");
        }
        if (level == Level.PROVINCE) {
            id = null;
        } else if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("范围为" + level.label() + "时必须指定" + level.label() + "编号");
        }
    }

    public static Scope district(String id) {
        return new Scope(Level.DISTRICT, id);
    }

    public static Scope school(String id) {
        return new Scope(Level.SCHOOL, id);
    }

    /** From the stored columns; a missing level is the province (accounts made before scopes existed). */
    public static Scope of(String level, String id) {
        return level == null ? PROVINCE : new Scope(Level.valueOf(level.strip().toUpperCase(Locale.ROOT)), id);
    }

    public boolean province() {
        return level == Level.PROVINCE;
    }

    /**
     * A condition on a school-id column keeping the rows inside this scope, to AND into a query; {@link #args()}
     * are its parameters. The column name comes from code, never from input.
     */
    public String sql(String schoolColumn) {
        return switch (level) {
            case PROVINCE -> "1 = 1";
            case DISTRICT -> schoolColumn + " IN (SELECT sd.id FROM school sd WHERE sd.district_id = ?)";
            case SCHOOL -> schoolColumn + " = ?";
        };
    }

    public Object[] args() {
        return province() ? new Object[0] : new Object[] {id};
    }

    @Override
    public String toString() {
        return province() ? level.label() : level.label() + " " + id;
    }
}
