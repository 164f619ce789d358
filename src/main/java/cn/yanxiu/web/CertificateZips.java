package cn.yanxiu.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where the web application writes a run's certificates (a folder per run, a ZIP per school), and which ZIPs are there. */
@Component
class CertificateZips {

    private final Path root;

    CertificateZips(@Value("${yanxiu.certificates.dir:certificates}") Path root) {
        this.root = root;
    }

    Path folder(long runId) {
        return root.resolve("run-" + runId);
    }

    /** The school ids whose ZIP of this run is ready to download. */
    List<String> schools(long runId) {
        Path dir = folder(runId);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".zip")).map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
