package cn.yanxiu.importing;

import org.springframework.boot.test.context.SpringBootTest;

/** The import contract on the embedded H2 database. */
@SpringBootTest
class ImportH2IntegrationTests extends ImportContractTests {

    @Override
    boolean loadsInBulk() {
        return false;
    }
}
