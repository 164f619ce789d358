package cn.yanxiu.web;

import org.springframework.boot.test.context.SpringBootTest;

/** The permission contract on the embedded H2 database. */
@SpringBootTest(properties = {WebPermissionTests.WEB, WebPermissionTests.FAST_HASHES, WebPermissionTests.THREE_TRIES, WebPermissionTests.CERTIFICATES,
    "yanxiu.rules.root=target/web-permission-rules-h2"})
class WebPermissionH2IntegrationTests extends WebPermissionTests {
}
