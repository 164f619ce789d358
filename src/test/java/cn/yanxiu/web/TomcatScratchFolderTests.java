package cn.yanxiu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A real embedded Tomcat started and stopped: it works in one Yanxiu scratch folder, and the folder goes with it. */
class TomcatScratchFolderTests {

    @Test
    void theServerWorksInItsOwnScratchFolderAndLeavesNothingWhenItStops() throws Exception {
        TomcatScratchFolder scratch = new TomcatScratchFolder(new StandardEnvironment());
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        scratch.customize(factory);
        Path folder = scratch.folder();
        assertThat(folder.getFileName().toString()).matches("yanxiu-tomcat\\." + ProcessHandle.current().pid() + "\\.\\d+");
        assertThat(folder.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));

        TomcatWebServer server = (TomcatWebServer) factory.getWebServer();
        try {
            server.start();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("the server answers").isEqualTo(404);
            assertThat(Path.of(server.getTomcat().getServer().getCatalinaBase().getPath())).isEqualTo(folder);
            assertThat(factory.getDocumentRoot().toPath()).isEqualTo(folder.resolve("docbase"));
            assertThat(Files.list(folder).map(p -> p.getFileName().toString())).contains("docbase", "work");
        } finally {
            server.stop();
            server.destroy();
        }
        scratch.destroy();
        assertThat(folder).doesNotExist();
    }

    @Test
    void aBaseFolderTheAdministratorNamedIsLeftToTomcat() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", Map.of("server.tomcat.basedir", "/srv/yanxiu/tomcat")));
        TomcatScratchFolder scratch = new TomcatScratchFolder(environment);
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        scratch.customize(factory);
        assertThat(scratch.folder()).isNull();
        assertThat(factory.getDocumentRoot()).isNull();
    }
}
