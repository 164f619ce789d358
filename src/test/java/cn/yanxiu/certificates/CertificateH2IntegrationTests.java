package cn.yanxiu.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The certificate contract on the embedded H2 database, with the web server up: the public verification
 * page, fetched over real HTTP with no login, says genuine, revoked or not genuine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=servlet")
class CertificateH2IntegrationTests extends CertificateContractTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theVerificationPageConfirmsAGenuineCertificateWithItsBasis() throws Exception {
        String serial = jdbc.queryForObject("SELECT MIN(serial) FROM certificate WHERE revoked_at IS NULL", String.class);
        String name = jdbc.queryForObject("SELECT t.name FROM certificate c JOIN teacher t ON t.id = c.teacher_id WHERE c.serial = ?", String.class, serial);

        HttpResponse<String> page = get("/verify/" + serial);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).contains("text/html").contains("UTF-8");
        assertThat(page.body()).contains("真实有效的证书", name, run.ruleSetHash(), "教研组认定", "教导处复审", "学分登记", "2025-2026-1");
        HttpResponse<String> api = get("/api/certificates/" + serial);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"status\":\"GENUINE\"", "\"ruleSetHash\":\"" + run.ruleSetHash() + "\"");
    }

    @Test
    void theVerificationPageRejectsTamperedAndHostileSerials() throws Exception {
        HttpResponse<String> forged = get("/verify/YX-2025-2026-1-ABCDEFGHJK-ABCDE");
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.body()).contains("不是本系统签发的编号").doesNotContain("真实有效的证书");

        HttpResponse<String> hostile = get("/verify/" + URLEncoder.encode("<b onmouseover=alert(1)>x", StandardCharsets.UTF_8));
        assertThat(hostile.body()).doesNotContain("<b onmouseover").contains("&lt;b+onmouseover=alert(1)&gt;x", "不是本系统签发的编号");
        HttpResponse<String> slashed = get("/verify/" + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8));
        assertThat(slashed.statusCode()).isEqualTo(400); // the server refuses an encoded slash outright
        assertThat(slashed.body()).doesNotContain("<script>");
        assertThat(get("/api/certificates/nope").statusCode()).isEqualTo(404);
        assertThat(get("/verify/" + "X".repeat(5000)).body()).contains("不是本系统签发的编号");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
