package cn.yanxiu.system;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * H2's file keeps every page a long import wrote (the sample county left 2.8 GB for 54 MB of data). After a
 * command that wrote much, this compacts the embedded file — but only when this process is its only user:
 * a {@code serve} holding the same file (H2 AUTO_SERVER) must not have its database closed under it.
 */
@Component
public class EmbeddedFileCompaction {

    /** The file's size before and after. */
    public record Compacted(Path file, long before, long after) {
    }

    private final DataSource dataSource;

    EmbeddedFileCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Compacts the H2 file if it is one and nobody else has it open; empty otherwise. Closes the database. */
    public Optional<Compacted> compactIfAlone() throws SQLException, java.io.IOException {
        Path file = null;
        long before = 0;
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            String url = connection.getMetaData().getURL();
            if (!url.startsWith("jdbc:h2:file:")) {
                return Optional.empty();
            }
            int sessions;
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
                rs.next();
                sessions = rs.getInt(1);
            }
            int ours = dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null
                    ? hikari.getHikariPoolMXBean().getTotalConnections() : 1;
            if (sessions > ours) {
                return Optional.empty();
            }
            file = Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".mv.db");
            before = Files.size(file);
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException closedByTheShutdown) {
            // H2 closes the database, and with it this connection, as the statement completes
            if (closedByTheShutdown.getErrorCode() != 90121) {
                throw closedByTheShutdown;
            }
        } finally {
            try {
                connection.close();
            } catch (SQLException alreadyClosed) {
                // the shutdown closed it
            }
        }
        return Optional.of(new Compacted(file, before, Files.size(file)));
    }
}
