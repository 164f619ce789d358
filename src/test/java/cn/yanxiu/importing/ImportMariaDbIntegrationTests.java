package cn.yanxiu.importing;

import cn.yanxiu.support.Databases;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;

/** The import contract on MariaDB/MySQL (database {@code test} on 127.0.0.1:3306), skipped when none answers. */
@SpringBootTest(properties = {
    "spring.datasource.url=" + Databases.MARIADB_URL,
    "spring.datasource.username=root",
    "spring.datasource.password="})
@EnabledIf(value = "cn.yanxiu.support.Databases#mariadbReachable", disabledReason = "no MariaDB/MySQL on 127.0.0.1:3306")
class ImportMariaDbIntegrationTests extends ImportContractTests {

    @Override
    boolean loadsInBulk() {
        return true;
    }
}
