package cn.yanxiu.web;

import cn.yanxiu.support.Databases;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;

/** The permission contract on MariaDB/MySQL (database {@code test} on 127.0.0.1:3306), skipped when none answers. */
@SpringBootTest(properties = {WebPermissionTests.WEB, WebPermissionTests.FAST_HASHES, WebPermissionTests.THREE_TRIES, WebPermissionTests.CERTIFICATES,
    "yanxiu.rules.root=target/web-permission-rules-mariadb",
    "spring.datasource.url=" + Databases.MARIADB_URL,
    "spring.datasource.username=root",
    "spring.datasource.password="})
@EnabledIf(value = "cn.yanxiu.support.Databases#mariadbReachable", disabledReason = "no MariaDB/MySQL on 127.0.0.1:3306")
class WebPermissionMariaDbIntegrationTests extends WebPermissionTests {
}
