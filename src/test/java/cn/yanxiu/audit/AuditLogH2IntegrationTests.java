package cn.yanxiu.audit;

import org.springframework.boot.test.context.SpringBootTest;

/** The audit log on the embedded H2 database. */
@SpringBootTest
class AuditLogH2IntegrationTests extends AuditLogContractTests {
}
