package cn.yanxiu.credits;

import org.springframework.boot.test.context.SpringBootTest;

/** The credit ledger contract on the embedded H2 database. */
@SpringBootTest
class CreditH2IntegrationTests extends CreditContractTests {
}
