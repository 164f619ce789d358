package cn.yanxiu.appeals;

import org.springframework.boot.test.context.SpringBootTest;

/** The appeal contract on the embedded H2 database. */
@SpringBootTest
class AppealH2IntegrationTests extends AppealContractTests {
}
