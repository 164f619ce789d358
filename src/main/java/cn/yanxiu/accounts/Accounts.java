package cn.yanxiu.accounts;

import cn.yanxiu.credits.CreditStep;
import cn.yanxiu.teacher.Role;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Web accounts: created by an administrator or from the teacher list, passwords kept only as hashes. */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{2,64}");
    private static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD = 128;
    /** No 0/O, 1/l/I: generated passwords are read off a printed list. */
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;

    private final cn.yanxiu.audit.AuditLog audit;
    private final Scopes scopes;

    Accounts(JdbcTemplate jdbc, PasswordEncoder encoder, TransactionTemplate transactions, cn.yanxiu.audit.AuditLog audit, Scopes scopes) {
        this.audit = audit;
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.transactions = transactions;
    }

    /** Refused: nothing was written. */
    public static class AccountRefused extends RuntimeException {
        public AccountRefused(String message) {
            super(message);
        }
    }

    /** An account created with a generated password, shown to the administrator once. */
    /** An account just created, with its one-time password; {@code schoolId}/{@code school} say which school's sheet it goes on. */
    public record Created(String username, String displayName, Set<AccountRole> roles, String password, String schoolId, String school) {
        public Created(String username, String displayName, Set<AccountRole> roles, String password) {
            this(username, displayName, roles, password, null, null);
        }
    }

    public record Stored(Account account, String passwordHash) {
    }

    public Optional<Stored> find(String username) {
        return jdbc.query("SELECT * FROM user_account WHERE username = ?", (rs, i) -> new Stored(account(rs), rs.getString("password_hash")), username)
                .stream().findFirst();
    }

    public List<Account> all() {
        return jdbc.query("SELECT * FROM user_account ORDER BY id", (rs, i) -> account(rs));
    }

    /** The accounts whose reach lies inside {@code scope}: what an administrator of that scope lists and manages. */
    public List<Account> within(Scope scope) {
        return switch (scope.level()) {
            case PROVINCE -> all();
            case DISTRICT -> jdbc.query("SELECT * FROM user_account WHERE (scope_level = 'DISTRICT' AND scope_id = ?) OR (scope_level = 'SCHOOL' "
                    + "AND scope_id IN (SELECT s.id FROM school s WHERE s.district_id = ?)) ORDER BY id", (rs, i) -> account(rs), scope.id(), scope.id());
            case SCHOOL -> jdbc.query("SELECT * FROM user_account WHERE scope_level = 'SCHOOL' AND scope_id = ? ORDER BY id", (rs, i) -> account(rs),
                    scope.id());
        };
    }

    /** Refused unless {@code by} reaches the account: an administrator manages only the accounts of their scope. */
    public Account managed(String username, Scope by) {
        Account account = find(username).map(Stored::account).filter(a -> scopes.contains(by, a.scope()))
                .orElseThrow(() -> new AccountRefused("没有账号 " + username));
        return account;
    }

    /** Creates one account with a password the administrator chose; administrators and auditors reach the province. */
    public Account create(String username, String displayName, Set<AccountRole> roles, String teacherId, CreditStep step, String schoolId,
                          String groupId, String password, String createdBy) {
        return create(username, displayName, roles, teacherId, step, schoolId, groupId, Scope.PROVINCE, password, createdBy, Scope.PROVINCE);
    }

    /**
     * Creates one account reaching {@code scope} (for an administrator or auditor; teachers and approvers reach their
     * school), refused unless the creator's own scope holds it all: the scope, the teacher, the approver's school.
     */
    public Account create(String username, String displayName, Set<AccountRole> roles, String teacherId, CreditStep step, String schoolId,
                          String groupId, Scope scope, String password, String createdBy, Scope creatorScope) {
        checkUsername(username);
        checkPassword(password);
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw new AccountRefused("姓名必填，最多 100 个字符");
        }
        if (roles == null || roles.isEmpty()) {
            throw new AccountRefused("至少选择一个角色");
        }
        if (roles.contains(AccountRole.TEACHER) && (teacherId == null || exists("teacher", teacherId) == 0)) {
            throw new AccountRefused("教师账号必须对应已导入的教师工号" + (teacherId == null ? "" : "（没有 " + teacherId + "）"));
        }
        if (roles.contains(AccountRole.APPROVER)) {
            if (step != CreditStep.GROUP && step != CreditStep.OFFICE) {
                throw new AccountRefused("审批人必须指定审批环节：教研组认定或教导处复审");
            }
            if (schoolId == null || exists("school", schoolId) == 0) {
                throw new AccountRefused("审批人必须指定已导入的学校");
            }
            if (step == CreditStep.GROUP && (groupId == null || exists("research_group", groupId) == 0)) {
                throw new AccountRefused("教研组长必须指定已导入的教研组");
            }
        }
        boolean reader = roles.contains(AccountRole.ADMIN) || roles.contains(AccountRole.AUDITOR);
        Scope reach = reader ? scopes.existing(scope == null ? Scope.PROVINCE : scope) : Scope.school(ownSchool(roles, teacherId, schoolId));
        if (!scopes.contains(creatorScope, reach) || (roles.contains(AccountRole.TEACHER) && !scopes.coversTeacher(creatorScope, teacherId))
                || (roles.contains(AccountRole.APPROVER) && !scopes.coversSchool(creatorScope, schoolId))) {
            throw new AccountRefused("新账号的范围（" + scopes.describe(reach) + "）超出了您的管理范围（" + scopes.describe(creatorScope) + "）");
        }
        try {
            insert(username, displayName.strip(), roles, teacherId, roles.contains(AccountRole.APPROVER) ? step : null,
                    roles.contains(AccountRole.APPROVER) ? schoolId : null, step == CreditStep.GROUP ? groupId : null, reach, encoder.encode(password), createdBy);
        } catch (DuplicateKeyException e) {
            throw new AccountRefused("用户名 " + username + " 已存在");
        }
        audit.record(createdBy, "创建账号", username, roles.stream().map(AccountRole::label).collect(Collectors.joining("、")) + "；范围 " + reach);
        return find(username).orElseThrow().account();
    }

    /** The school a teacher or approver account belongs to: the approver's, else the teacher's. */
    private String ownSchool(Set<AccountRole> roles, String teacherId, String schoolId) {
        if (roles.contains(AccountRole.APPROVER) && schoolId != null) {
            return schoolId;
        }
        return jdbc.queryForList("SELECT school_id FROM teacher WHERE id = ?", String.class, teacherId).stream().findFirst()
                .orElseThrow(() -> new AccountRefused("教师账号必须对应已导入的教师工号"));
    }

    /**
     * Creates an account for every imported teacher who has none (user name = 工号): each is a TEACHER; a
     * teaching-research group leader also approves their group's entries, a director of studies their
     * school's. Returns the generated passwords, which are not kept anywhere.
     */
    public List<Created> createForTeachers(String createdBy) {
        return createForTeachers(createdBy, Scope.PROVINCE, (done, total) -> { });
    }

    /** Progress of a long creation: accounts hashed so far, of how many. */
    public interface Progress {
        void hashed(int done, int total);
    }

    /**
     * As {@link #createForTeachers(String)} for the teachers inside {@code scope} (a school administrator creates
     * their own school's), telling {@code progress} as passwords are hashed (the slow part: about 50 ms each).
     */
    public List<Created> createForTeachers(String createdBy, Scope scope, Progress progress) {
        record Row(String id, String name, String schoolId, String school, String groupId, String roles) {
        }
        List<Row> teachers = jdbc.query("SELECT t.id, t.name, t.school_id, s.name, t.group_id, t.roles FROM teacher t JOIN school s ON s.id = t.school_id "
                + "WHERE NOT EXISTS (SELECT 1 FROM user_account a WHERE a.username = t.id OR a.teacher_id = t.id) AND " + scope.sql("t.school_id")
                + " ORDER BY t.school_id, t.id",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), scope.args());
        List<Created> created = teachers.stream().map(t -> new Created(t.id(), t.name(), rolesOf(t.roles(), t.groupId()), generatePassword(),
                t.schoolId(), t.school())).toList();
        // BCrypt is slow on purpose: hash on every core
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        progress.hashed(0, created.size());
        List<String> hashes = created.parallelStream().map(c -> {
            String hash = encoder.encode(c.password());
            progress.hashed(done.incrementAndGet(), created.size());
            return hash;
        }).toList();
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            Row t = teachers.get(i);
            CreditStep step = stepOf(created.get(i).roles(), t.roles());
            rows.add(new Object[] {t.id(), hashes.get(i), names(created.get(i).roles()), t.name(), t.id(), step == null ? null : step.name(),
                step == null ? null : t.schoolId(), step == CreditStep.GROUP ? t.groupId() : null, Scope.Level.SCHOOL.name(), t.schoolId(), createdBy, now});
        }
        audit.record(createdBy, "批量创建教师账号", created.size() + " 个", scope.province() ? null : "范围 " + scope);
        transactions.executeWithoutResult(s -> jdbc.batchUpdate("INSERT INTO user_account (username, password_hash, roles, display_name, "
                + "teacher_id, approver_step, school_id, group_id, scope_level, scope_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows));
        return created;
    }

    private static Set<Role> posts(String roles) {
        return Arrays.stream(roles.split("[、,，]")).map(String::strip).filter(s -> !s.isEmpty())
                .flatMap(s -> Role.parse(s).stream()).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static Set<AccountRole> rolesOf(String teacherRoles, String groupId) {
        Set<Role> posts = posts(teacherRoles);
        boolean approves = posts.contains(Role.DIRECTOR_OF_STUDIES) || (posts.contains(Role.GROUP_LEADER) && groupId != null);
        return approves ? EnumSet.of(AccountRole.TEACHER, AccountRole.APPROVER) : EnumSet.of(AccountRole.TEACHER);
    }

    /** A director of studies reviews for the school office; a group leader approves for the group. */
    private static CreditStep stepOf(Set<AccountRole> roles, String teacherRoles) {
        if (!roles.contains(AccountRole.APPROVER)) {
            return null;
        }
        return posts(teacherRoles).contains(Role.DIRECTOR_OF_STUDIES) ? CreditStep.OFFICE : CreditStep.GROUP;
    }

    /** Changes a password after checking the current one. */
    public void changePassword(String username, String current, String fresh) {
        Stored stored = find(username).orElseThrow(() -> new AccountRefused("没有账号 " + username));
        if (current == null || !encoder.matches(current, stored.passwordHash())) {
            throw new AccountRefused("当前密码不对，密码未修改");
        }
        checkPassword(fresh);
        jdbc.update("UPDATE user_account SET password_hash = ? WHERE username = ?", encoder.encode(fresh), username);
    }

    /** Switches an account off or on; the last enabled administrator cannot be switched off. */
    public void setDisabled(String username, boolean disabled, String by) {
        Account account = find(username).orElseThrow(() -> new AccountRefused("没有账号 " + username)).account();
        if (disabled && username.equals(by)) {
            throw new AccountRefused("不能停用自己正在使用的账号");
        }
        if (disabled && account.has(AccountRole.ADMIN) && all().stream().filter(a -> a.has(AccountRole.ADMIN) && !a.disabled()).count() <= 1) {
            throw new AccountRefused("这是最后一个可用的管理员账号，不能停用");
        }
        jdbc.update("UPDATE user_account SET disabled = ? WHERE username = ?", disabled, username);
        audit.record(by, disabled ? "停用账号" : "恢复账号", username, null);
    }

    /** Gives an account a new generated password (a teacher who forgot theirs); returned to be handed over once. */
    public String resetPassword(String username) {
        return resetPassword(username, null);
    }

    /** As {@link #resetPassword(String)}, recording who reset it. */
    public String resetPassword(String username, String by) {
        String password = generatePassword();
        if (jdbc.update("UPDATE user_account SET password_hash = ? WHERE username = ?", encoder.encode(password), username) != 1) {
            throw new AccountRefused("没有账号 " + username);
        }
        audit.record(by, "重置密码", username, null);
        return password;
    }

    /**
     * The first administrator, when there is none: with the configured password, or a generated one that is
     * returned to be printed once.
     */
    public Optional<String> ensureFirstAdmin(String username, String configuredPassword) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE roles LIKE '%ADMIN%'", Integer.class) > 0) {
            return Optional.empty();
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        try {
            create(username, "管理员", EnumSet.of(AccountRole.ADMIN), null, null, null, null, password, "初次启动");
        } catch (AccountRefused e) {
            // two instances starting at once on an empty database: the other one made the first administrator
            if (find(username).map(s -> s.account().has(AccountRole.ADMIN)).orElse(false)) {
                return Optional.empty();
            }
            throw e;
        }
        return generated ? Optional.of(password) : Optional.empty();
    }

    static String generatePassword() {
        char[] p = new char[12];
        for (int i = 0; i < p.length; i++) {
            p[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(p);
    }

    private void insert(String username, String displayName, Set<AccountRole> roles, String teacherId, CreditStep step, String schoolId,
                        String groupId, Scope scope, String hash, String createdBy) {
        jdbc.update("INSERT INTO user_account (username, password_hash, roles, display_name, teacher_id, approver_step, school_id, group_id, "
                + "scope_level, scope_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", username, hash, names(roles), displayName, teacherId,
                step == null ? null : step.name(), schoolId, groupId, scope.level().name(), scope.id(), createdBy, Timestamp.from(Instant.now()));
    }

    private int exists(String table, String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE id = ?", Integer.class, id);
    }

    private static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountRefused("用户名只能由 2–64 个字母、数字、. _ - 组成");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new AccountRefused("密码长度须为 " + MIN_PASSWORD + "–" + MAX_PASSWORD + " 个字符");
        }
    }

    private static String names(Set<AccountRole> roles) {
        return roles.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Account account(ResultSet rs) throws SQLException {
        Set<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
        for (String r : rs.getString("roles").split(",")) {
            roles.add(AccountRole.valueOf(r.strip()));
        }
        String step = rs.getString("approver_step");
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), roles, rs.getString("teacher_id"),
                step == null ? null : CreditStep.valueOf(step), rs.getString("school_id"), rs.getString("group_id"), rs.getBoolean("disabled"),
                Scope.of(rs.getString("scope_level"), rs.getString("scope_id")));
    }
}
