package cn.yanxiu.evaluation;

import org.springframework.boot.test.context.SpringBootTest;

/** The term-end batch contract on the embedded H2 database. */
@SpringBootTest
class EvaluationH2IntegrationTests extends EvaluationContractTests {
}
