package cn.yanxiu.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Answers whether a school, a teacher or another scope lies inside a scope, from the stored schools and districts. */
@Service
public class Scopes {

    private final JdbcTemplate jdbc;

    Scopes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean coversSchool(Scope scope, String schoolId) {
        if (scope.province()) {
            return true;
        }
        if (schoolId == null) {
            return false;
        }
        if (scope.level() == Scope.Level.SCHOOL) {
            return scope.id().equals(schoolId);
        }
        return scope.id().equals(districtOf(schoolId).orElse(null));
    }

    public boolean coversTeacher(Scope scope, String teacherId) {
        if (scope.province()) {
            return true;
        }
        List<String> school = jdbc.queryForList("SELECT school_id FROM teacher WHERE id = ?", String.class, teacherId);
        return !school.isEmpty() && coversSchool(scope, school.get(0));
    }

    /** True when everything {@code inner} reaches, {@code outer} reaches too. */
    public boolean contains(Scope outer, Scope inner) {
        return switch (inner.level()) {
            case PROVINCE -> outer.province();
            case DISTRICT -> outer.province() || (outer.level() == Scope.Level.DISTRICT && outer.id().equals(inner.id()));
            case SCHOOL -> coversSchool(outer, inner.id());
        };
    }

    /** The scope if its district or school exists, else a refusal naming what is missing. */
    public Scope existing(Scope scope) {
        if (scope.level() == Scope.Level.DISTRICT && count("district", scope.id()) == 0) {
            throw new Accounts.AccountRefused("没有区县 " + scope.id());
        }
        if (scope.level() == Scope.Level.SCHOOL && count("school", scope.id()) == 0) {
            throw new Accounts.AccountRefused("没有学校 " + scope.id());
        }
        return scope;
    }

    /** "全省", "区县 城关区（D01）", "学校 城关一小（S001）": for pages and audit lines. */
    public String describe(Scope scope) {
        if (scope.province()) {
            return scope.level().label();
        }
        String table = scope.level() == Scope.Level.DISTRICT ? "district" : "school";
        String name = jdbc.queryForList("SELECT name FROM " + table + " WHERE id = ?", String.class, scope.id()).stream().findFirst().orElse(scope.id());
        return scope.level().label() + " " + name + "（" + scope.id() + "）";
    }

    private Optional<String> districtOf(String schoolId) {
        return jdbc.queryForList("SELECT district_id FROM school WHERE id = ?", String.class, schoolId).stream().findFirst();
    }

    private int count(String table, String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE id = ?", Integer.class, id);
    }
}
