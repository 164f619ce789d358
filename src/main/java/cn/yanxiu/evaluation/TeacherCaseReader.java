package cn.yanxiu.evaluation;

import cn.yanxiu.activity.ActivityType;
import cn.yanxiu.activity.ScoreKind;
import cn.yanxiu.rules.TeacherCase;
import cn.yanxiu.rules.vocabulary.Activity;
import cn.yanxiu.rules.vocabulary.EarlierHours;
import cn.yanxiu.rules.vocabulary.EthicsRecord;
import cn.yanxiu.rules.vocabulary.Score;
import cn.yanxiu.rules.vocabulary.Teacher;
import cn.yanxiu.rules.vocabulary.Term;
import cn.yanxiu.system.SqlArgs;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the teachers of some schools for a term in teacher-id order, each with everything the rules see.
 * <p>
 * Teachers come in windows. A window's teacher rows and its small tables (leave, earlier hours) are read at
 * once; its activities, scores and ethics records each come from one query joined to the window's teachers
 * and are taken teacher by teacher as the cases are handed out. On MySQL those three queries stream, ordered
 * like the teachers, on connections of their own, so a window can be a whole partition: three result streams
 * and three small queries whatever its size, with nothing held but the window's teacher rows. H2 holds a
 * result in memory, so its windows are smaller and their rows are grouped by teacher as they come.
 * Restartable: it can start after any teacher id.
 */
public final class TeacherCaseReader implements AutoCloseable {

    private static final int STREAMED_WINDOW = 5_000;
    private static final int HELD_WINDOW = 500;
    private static final String TEACHER_COLUMNS = "t.id, t.name, t.school_id, t.group_id, t.roles, t.birth_year, t.teaching_years, t.backbone_level, t.joined_on";

    private final JdbcTemplate jdbc;
    private final TermScope scope;
    private final List<String> schoolIds;
    private final String onlyTeacher;
    private final boolean streams;
    private String lastId;
    private Window window;
    private boolean ended;

    /** The teachers of these schools after {@code afterId} (null or empty: from the first). Close it when done. */
    public TeacherCaseReader(JdbcTemplate jdbc, TermScope scope, List<String> schoolIds, String afterId) {
        this(jdbc, scope, schoolIds, afterId, null);
    }

    private TeacherCaseReader(JdbcTemplate jdbc, TermScope scope, List<String> schoolIds, String afterId, String onlyTeacher) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.schoolIds = schoolIds;
        this.lastId = afterId == null ? "" : afterId;
        this.onlyTeacher = onlyTeacher;
        this.streams = onlyTeacher == null && isMySql(jdbc);
        this.ended = onlyTeacher == null && schoolIds.isEmpty();
    }

    /** One teacher's case, or null when no such teacher exists; read on the caller's connection. */
    public static TeacherCase one(JdbcTemplate jdbc, TermScope scope, String teacherId) {
        try (TeacherCaseReader reader = new TeacherCaseReader(jdbc, scope, List.of(), "", teacherId)) {
            return reader.next();
        }
    }

    /** The next teacher's case, null at the end. */
    public TeacherCase next() {
        while (!ended) {
            if (window != null) {
                TeacherCase next = window.next();
                if (next != null) {
                    lastId = next.teacher().getId();
                    return next;
                }
                window.close();
                window = null;
                ended = onlyTeacher != null;
            } else {
                window = openWindow();
                ended = window == null;
            }
        }
        return null;
    }

    /** Up to {@code size} next cases, empty at the end. */
    public List<TeacherCase> nextPage(int size) {
        List<TeacherCase> page = new ArrayList<>(size);
        TeacherCase c;
        while (page.size() < size && (c = next()) != null) {
            page.add(c);
        }
        return page;
    }

    @Override
    public void close() {
        if (window != null) {
            window.close();
            window = null;
        }
        ended = true;
    }

    /** MySQL or MariaDB (which stream results and take their hints), not H2. */
    static boolean isMySql(JdbcTemplate jdbc) {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        return product != null && (product.contains("MySQL") || product.contains("MariaDB"));
    }

    /** The next window of teachers, null when none is left. */
    private Window openWindow() {
        String condition;
        List<Object> args = new ArrayList<>();
        if (onlyTeacher != null) {
            condition = "t.id = ?";
            args.add(onlyTeacher);
        } else {
            condition = "t.school_id IN (" + SqlArgs.marks(schoolIds.size()) + ") AND t.id > ?";
            args.addAll(schoolIds);
            args.add(lastId);
        }
        int size = onlyTeacher != null ? 1 : streams ? STREAMED_WINDOW : HELD_WINDOW;
        List<Object[]> teachers = jdbc.query("SELECT " + TEACHER_COLUMNS + " FROM teacher t WHERE " + condition + " ORDER BY t.id LIMIT " + size,
                (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getDate(9)}, args.toArray());
        if (teachers.isEmpty()) {
            return null;
        }
        if (onlyTeacher == null) {
            condition += " AND t.id <= ?";
            args.add(teachers.get(teachers.size() - 1)[0]);
        }
        return new Window(teachers, condition, args.toArray());
    }

    /** One window: its teacher rows, its small tables held, its three large tables taken in teacher order. */
    private final class Window implements AutoCloseable {
        private final List<Object[]> teachers;
        private final Map<String, List<DutyWeeks.Period>> leaves = new HashMap<>();
        private final Map<String, List<EarlierHours>> earlier = new HashMap<>();
        private final List<Facts<?>> opened = new ArrayList<>();
        private final Facts<Activity> activities;
        private final Facts<Score> scores;
        private final Facts<EthicsRecord> ethics;
        private int position;

        Window(List<Object[]> teachers, String condition, Object[] args) {
            this.teachers = teachers;
            Term term = scope.term();
            String termId = term.getId();
            jdbc.query("SELECT t.id, l.start_date, l.end_date FROM teacher t JOIN leave_period l ON l.teacher_id = t.id WHERE " + condition,
                    rs -> {
                        leaves.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new DutyWeeks.Period(rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate()));
                    }, args);
            jdbc.query("SELECT t.id, p.academic_year, p.hours FROM teacher t JOIN prior_hours p ON p.teacher_id = t.id WHERE p.academic_year < ? AND "
                    + condition, rs -> {
                        addEarlier(rs);
                    }, SqlArgs.join(new Object[] {term.getAcademicYear()}, args));
            jdbc.query("SELECT t.id, u.term_id, r.hours_recognised FROM teacher t JOIN evaluation_result r ON r.teacher_id = t.id "
                    + "JOIN evaluation_run u ON u.id = r.run_id JOIN term e ON e.id = u.term_id WHERE e.academic_year = ? AND e.start_date < ? "
                    + "AND u.status = 'COMPLETED' AND u.id = (SELECT MAX(v.id) FROM evaluation_run v WHERE v.term_id = u.term_id AND v.status = 'COMPLETED') AND "
                    + condition, rs -> {
                        addEarlier(rs);
                    }, SqlArgs.join(new Object[] {term.getAcademicYear(), java.sql.Date.valueOf(term.getStart())}, args));
            try {
                activities = open("SELECT t.id, a.type, a.activity_date, a.hours, a.quantity FROM teacher t "
                        + "JOIN activity a ON a.teacher_id = t.id AND a.term_id = ? AND a.teacher_id BETWEEN ? AND ? WHERE " + condition, termId, args,
                        (rs, teacherId) -> new Activity(teacherId, ActivityType.valueOf(rs.getString(2)).label(), rs.getObject(3, LocalDate.class),
                                rs.getDouble(4), rs.getInt(5)));
                scores = open("SELECT t.id, s.kind, s.score FROM teacher t JOIN score_record s ON s.teacher_id = t.id AND s.term_id = ? "
                        + "AND s.teacher_id BETWEEN ? AND ? WHERE " + condition, termId, args,
                        (rs, teacherId) -> new Score(teacherId, ScoreKind.valueOf(rs.getString(2)).label(), rs.getDouble(3)));
                ethics = open("SELECT t.id, e.standard_met, e.recorded_on, e.description FROM teacher t JOIN ethics_record e ON e.teacher_id = t.id "
                        + "AND e.term_id = ? AND e.teacher_id BETWEEN ? AND ? WHERE " + condition, termId, args,
                        (rs, teacherId) -> new EthicsRecord(teacherId, rs.getBoolean(2), rs.getObject(3, LocalDate.class), rs.getString(4)));
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private void addEarlier(ResultSet rs) throws SQLException {
            earlier.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new EarlierHours(rs.getString(1), rs.getString(2), rs.getDouble(3), 0));
        }

        /**
         * Opens one large table's facts. The query names the term and the window's first and last teacher on the
         * fact table itself, not only on the teacher it joins: without them H2 plans the join from the term's whole
         * index, so every window read the whole term's rows. Only a stream needs its rows in teacher order: held
         * rows are grouped by teacher as they come, and sorting them cost H2 a temporary result on disk.
         */
        private <T> Facts<T> open(String sql, String termId, Object[] args, Facts.Mapper<T> mapper) {
            Object[] all = SqlArgs.join(new Object[] {termId, teachers.get(0)[0], teachers.get(teachers.size() - 1)[0]}, args);
            Facts<T> facts = streams ? Facts.streamed(jdbc.getDataSource(), sql + " ORDER BY t.id", all, mapper) : Facts.held(jdbc, sql, all, mapper);
            opened.add(facts);
            return facts;
        }

        TeacherCase next() {
            if (position == teachers.size()) {
                activities.requireEnd();
                scores.requireEnd();
                ethics.requireEnd();
                return null;
            }
            Object[] r = teachers.get(position++);
            Term term = scope.term();
            String id = (String) r[0];
            java.sql.Date joined = (java.sql.Date) r[8];
            LocalDate joinedOn = joined == null ? null : joined.toLocalDate();
            int duty = DutyWeeks.count(term.getStart(), term.getTeachingWeeks(), joinedOn, leaves.getOrDefault(id, List.of()));
            Teacher teacher = new Teacher(id, (String) r[1], (String) r[2], (String) r[3],
                    new LinkedHashSet<>(Arrays.asList(((String) r[4]).split("、"))), term.getStart().getYear() - (Integer) r[5],
                    (Integer) r[6], (String) r[7], duty, duty / (double) term.getTeachingWeeks());
            return new TeacherCase(term, teacher, activities.of(id), scores.of(id), ethics.of(id), earlier.getOrDefault(id, List.of()),
                    r[3] == null ? null : scope.groups().get((String) r[3]), scope.schools().get((String) r[2]));
        }

        @Override
        public void close() {
            opened.forEach(Facts::close);
            opened.clear();
        }
    }

    /**
     * One kind of fact for a window's teachers, from a query whose first column is the teacher id and whose rows
     * come in the window's teacher order. Held: read at once on the caller's connection. Streamed: read row by row
     * on a connection of its own (MySQL streams a result only while nothing else runs on its connection).
     */
    private abstract static class Facts<T> implements AutoCloseable {

        interface Mapper<T> {
            /** The fact of the current row, whose teacher (column 1) is {@code teacherId}. */
            T map(ResultSet rs, String teacherId) throws SQLException;
        }

        /** The facts of this teacher; every teacher of the window is asked once, in order. */
        abstract List<T> of(String teacherId);

        /** After the window's last teacher: a row left over means the rows came in another order than the teachers. */
        abstract void requireEnd();

        @Override
        public abstract void close();

        static <T> Facts<T> held(JdbcTemplate jdbc, String sql, Object[] args, Mapper<T> mapper) {
            Map<String, List<T>> byTeacher = new HashMap<>();
            jdbc.query(sql, rs -> {
                String teacherId = rs.getString(1);
                byTeacher.computeIfAbsent(teacherId, k -> new ArrayList<>()).add(mapper.map(rs, teacherId));
            }, args);
            return new Facts<>() {
                @Override
                List<T> of(String teacherId) {
                    List<T> facts = byTeacher.remove(teacherId);
                    return facts == null ? List.of() : facts;
                }

                @Override
                void requireEnd() {
                    if (!byTeacher.isEmpty()) {
                        throw new IllegalStateException("facts read for teachers outside the window: " + byTeacher.keySet());
                    }
                }

                @Override
                public void close() {
                    byTeacher.clear();
                }
            };
        }

        static <T> Facts<T> streamed(DataSource dataSource, String sql, Object[] args, Mapper<T> mapper) {
            return new Streamed<>(dataSource, sql, args, mapper);
        }
    }

    private static final class Streamed<T> extends Facts<T> {
        private final DataSource dataSource;
        private final Mapper<T> mapper;
        private Connection connection;
        private PreparedStatement statement;
        private ResultSet rows;
        private boolean onRow;
        private boolean broken;

        Streamed(DataSource dataSource, String sql, Object[] args, Mapper<T> mapper) {
            this.dataSource = dataSource;
            this.mapper = mapper;
            try {
                connection = dataSource.getConnection();
                connection.setReadOnly(true);
                statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                statement.setFetchSize(Integer.MIN_VALUE); // Connector/J: stream rows instead of holding the result
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                rows = statement.executeQuery();
                onRow = rows.next();
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /** Compares the row's teacher id as bytes: reading it as a string on every row cost more than the row's facts. */
        @Override
        List<T> of(String teacherId) {
            try {
                byte[] id = teacherId.getBytes(StandardCharsets.UTF_8); // the connection's characterEncoding
                if (!onRow || !Arrays.equals(id, rows.getBytes(1))) {
                    return List.of();
                }
                List<T> facts = new ArrayList<>();
                do {
                    facts.add(mapper.map(rows, teacherId));
                    onRow = rows.next();
                } while (onRow && Arrays.equals(id, rows.getBytes(1)));
                return facts;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        private IllegalStateException failed(SQLException e) {
            broken = true;
            close();
            return new IllegalStateException("读取教师记录失败：" + e.getMessage(), e);
        }

        @Override
        void requireEnd() {
            if (onRow) {
                throw new IllegalStateException("facts read in another order than their teachers, at teacher " + currentTeacher());
            }
        }

        private String currentTeacher() {
            try {
                return rows.getString(1);
            } catch (SQLException e) {
                return "?";
            }
        }

        /**
         * A result closed before its end is read to its end by Connector/J (at most one window's rows). A connection
         * whose stream failed or could not close is taken out of the pool, not handed to the next borrower with the
         * stream still open on it.
         */
        @Override
        public void close() {
            if (connection == null) {
                return;
            }
            for (AutoCloseable c : new AutoCloseable[] {rows, statement}) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (Exception e) {
                    broken = true;
                }
            }
            try {
                if (broken && dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
                    dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).evictConnection(connection);
                } else if (broken) {
                    connection.abort(Runnable::run);
                }
                connection.close();
            } catch (SQLException ignored) {
                // the pool replaces a connection that cannot close cleanly
            }
            rows = null;
            statement = null;
            connection = null;
        }
    }
}
