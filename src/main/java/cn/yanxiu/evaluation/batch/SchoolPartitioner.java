package cn.yanxiu.evaluation.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits a run's teachers by school into partitions of about {@code targetSize} teachers (fewer where the run
 * is small, so that each thread gets several); each partition is evaluated on its own thread and restarts on its own.
 * The benchmark's I/O floor reads the same partitions.
 */
public class SchoolPartitioner implements Partitioner {

    private static final String SCHOOLS = "schools";

    private final JdbcTemplate jdbc;
    private final String scope;
    private final int targetSize;

    public SchoolPartitioner(JdbcTemplate jdbc, String scope, int targetSize) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.targetSize = targetSize;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        String where = scope.startsWith("school:") ? " WHERE s.id = ?" : scope.startsWith("district:") ? " WHERE s.district_id = ?" : "";
        Object[] args = where.isEmpty() ? new Object[0] : new Object[] {scope.substring(scope.indexOf(':') + 1)};
        List<Object[]> schools = jdbc.query("SELECT s.id, (SELECT COUNT(*) FROM teacher t WHERE t.school_id = s.id) FROM school s" + where + " ORDER BY s.id",
                (rs, i) -> new Object[] {rs.getString(1), rs.getInt(2)}, args);
        // at least four partitions a thread: the last partitions then leave a thread idle for a short while only
        long teachers = schools.stream().mapToLong(s -> (Integer) s[1]).sum();
        long size = Math.max(1, Math.min(targetSize, (teachers + 4L * gridSize - 1) / (4L * gridSize)));
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        List<String> current = new ArrayList<>();
        int filled = 0;
        for (Object[] school : schools) {
            current.add((String) school[0]);
            filled += (Integer) school[1];
            if (filled >= size) {
                add(partitions, current);
                current = new ArrayList<>();
                filled = 0;
            }
        }
        if (!current.isEmpty()) {
            add(partitions, current);
        }
        return partitions;
    }

    /** The schools of a partition this partitioner made. */
    public static List<String> schools(ExecutionContext partition) {
        return schools(partition.getString(SCHOOLS));
    }

    /** The schools from a partition's {@code schools} entry. */
    static List<String> schools(String entry) {
        return List.of(entry.split(","));
    }

    private static void add(Map<String, ExecutionContext> partitions, List<String> schools) {
        ExecutionContext context = new ExecutionContext();
        context.putString(SCHOOLS, String.join(",", schools));
        partitions.put("schools-" + schools.get(0) + "-" + schools.size(), context);
    }
}
