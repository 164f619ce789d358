package cn.yanxiu.certificates;

import org.springframework.boot.test.context.SpringBootTest;

/** The certificate contract on the embedded H2 database. */
@SpringBootTest
class CertificateH2IntegrationTests extends CertificateContractTests {
}
