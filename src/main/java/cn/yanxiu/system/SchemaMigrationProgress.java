package cn.yanxiu.system;

import java.io.OutputStream;
import java.io.PrintStream;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Says when the database's tables are being created or upgraded, and when they are ready. A new database takes a few
 * seconds before the command's own first line; a year's upgrade of a province's tables can take far longer, and a
 * command silent through it looks hung. Nothing is said when the tables are already current.
 */
@Component
public class SchemaMigrationProgress implements Callback {

    private final PrintStream out;
    private long started;
    private int applied;

    /** {@code yanxiu.schema-progress=false}: silent (the build's own run that writes the class archive, on a throwaway database). */
    @Autowired
    public SchemaMigrationProgress(@Value("${yanxiu.schema-progress:true}") boolean said) {
        this(said ? System.err : new PrintStream(OutputStream.nullOutputStream()));
    }

    SchemaMigrationProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_MIGRATE_OPERATION_FINISH;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_EACH_MIGRATE) {
            if (applied++ == 0) {
                started = System.nanoTime();
                MigrationInfo first = context.getMigrationInfo();
                boolean fresh = first != null && first.getVersion() != null && "1".equals(first.getVersion().getVersion());
                out.println(fresh ? "新数据库：建立数据表 …" : "升级数据库表：自版本 " + (first == null ? "?" : first.getVersion()) + " 起 …");
                out.flush();
            }
        } else if (applied > 0 && context.getOperationResult() instanceof MigrateResult result) {
            out.printf("数据库表已就绪：版本 %s，执行 %d 个版本，用时 %.1f 秒%n", result.targetSchemaVersion, result.migrationsExecuted,
                    (System.nanoTime() - started) / 1e9);
            out.flush();
            applied = 0;
        }
    }

    @Override
    public String getCallbackName() {
        return "yanxiu-schema-migration-progress";
    }
}
