package cn.yanxiu.web;

import cn.yanxiu.system.ScratchSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded Tomcat's own folders (its base and an empty document root) in one {@link ScratchSpace} folder, removed
 * when the server stops. Left to itself Tomcat made two folders in the temporary directory at every start
 * ({@code tomcat.*}, {@code tomcat-docbase.*}) and removed neither, even at a normal stop; now a stopped server leaves
 * nothing and a killed one's folder is swept by a later Yanxiu process. A {@code server.tomcat.basedir} given by the
 * administrator is used as it is.
 */
@Component
class TomcatScratchFolder implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, DisposableBean {

    private final Environment environment;
    private volatile Path folder;

    TomcatScratchFolder(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (environment.containsProperty("server.tomcat.basedir")) {
            return;
        }
        try {
            folder = ScratchSpace.folder("yanxiu-tomcat");
            factory.setBaseDirectory(folder.toFile());
            factory.setDocumentRoot(Files.createDirectory(folder.resolve("docbase")).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("无法在临时目录中为网页服务建立工作文件夹：" + e.getMessage(), e);
        }
    }

    /** Runs after the server has stopped (the context stops its web server before it destroys beans). */
    @Override
    public void destroy() throws IOException {
        Path made = folder;
        if (made != null) {
            FileSystemUtils.deleteRecursively(made);
        }
    }

    /** The folder this server works in; null before it started or when the administrator named one. */
    Path folder() {
        return folder;
    }
}
