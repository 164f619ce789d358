package cn.yanxiu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yanxiu.accounts.AccountRole;
import cn.yanxiu.accounts.Accounts;
import cn.yanxiu.support.Databases;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log on each database: actions are recorded with who and what, the hash chain verifies, and a row altered
 * or deleted afterwards is found at its place.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditLogContractTests {

    @Autowired
    AuditLog audit;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void empty() {
        Databases.clear(jdbc);
    }

    @Test
    void actionsAreRecordedAndTheChainVerifies() {
        accounts.create("auditor2", "审计员乙", EnumSet.of(AccountRole.AUDITOR), null, null, null, null, "auditor-password-2", "admin");
        accounts.setDisabled("auditor2", true, "admin");
        accounts.resetPassword("auditor2", "admin");
        List<AuditLog.Event> events = audit.find(null, null, null, null, 100);
        assertThat(events).extracting(AuditLog.Event::action).containsExactly("重置密码", "停用账号", "创建账号");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.target()).isEqualTo("auditor2");
            assertThat(e.address()).isEqualTo("命令行");
        });
        assertThat(audit.find("adm", "停用账号", null, null, 100)).hasSize(1);
        AuditLog.Verification v = audit.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.rows()).isEqualTo(3);
    }

    @Test
    void anAlteredRowIsFoundAtItsPlace() {
        for (int i = 0; i < 5; i++) {
            audit.record("admin", "修改规则", "2025-2026/grading.drl", "第 " + i + " 次");
        }
        long third = jdbc.queryForObject("SELECT MIN(id) + 2 FROM audit_event", Long.class);
        jdbc.update("UPDATE audit_event SET actor = 'someone-else' WHERE id = ?", third);
        AuditLog.Verification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(third);
        assertThat(v.problem()).contains("第 " + third + " 条", "改动");
    }

    @Test
    void aDeletedRowBreaksTheChainAtTheNextOne() {
        for (int i = 0; i < 5; i++) {
            audit.record("admin", "撤销证书", "YX-" + i, "原因 " + i);
        }
        long second = jdbc.queryForObject("SELECT MIN(id) + 1 FROM audit_event", Long.class);
        jdbc.update("DELETE FROM audit_event WHERE id = ?", second);
        AuditLog.Verification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(second + 1);
        assertThat(v.problem()).contains("删除或改动");
    }

    @Test
    void hostileTextIsKeptAsTextAndClipped() {
        String huge = "x".repeat(5000);
        audit.record("admin'; DROP TABLE audit_event; --", "导出", "=HYPERLINK(\"http://evil\")", huge);
        AuditLog.Event e = audit.find(null, null, null, null, 1).get(0);
        assertThat(e.actor()).startsWith("admin'; DROP TABLE");
        assertThat(e.detail()).hasSize(1000);
        assertThat(audit.verify().intact()).isTrue();
    }
}
