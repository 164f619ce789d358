package cn.yanxiu.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A name the index says is absent must be absent: a wrong "absent" would hide a class from every rule build. */
class ClassPathNamesTests {

    @TempDir
    Path dir;

    @Test
    void everyNameOnTheApplicationsClassPathMayBeThere() {
        ClassPathNames names = ClassPathNames.ofApplication();
        assertThat(names).isNotNull();
        // this project's own classes (a folder under Maven, the jar when packaged), a library's, the JDK's, packages
        assertThat(names.mayHold("cn/yanxiu/rules/vocabulary/Teacher.class")).isTrue();
        assertThat(names.mayHold("org/kie/api/KieServices.class")).isTrue();
        assertThat(names.mayHold("java/lang/String.class")).isTrue();
        assertThat(names.mayHold("cn/yanxiu/rules/vocabulary")).isTrue();
        assertThat(names.mayHold("org/kie/api")).isTrue();
        assertThat(names.mayHold("META-INF/services/no.such.Service")).as("left to the class loader, like the JDK's packages").isTrue();
        // what a rule build asks for and nobody has
        assertThat(names.mayHold("cn/yanxiu/rules/vocabulary/String.class")).isFalse();
        assertThat(names.mayHold("cn/yanxiu/rules/P3E/Override.class")).isFalse();
        assertThat(names.mayHold("org/kie/api/NoSuchType.class")).isFalse();
    }

    @Test
    void theJarsAManifestNamesAreReadToo() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        jar(lib.resolve("engine.jar"), null, "org/engine/Engine.class", "META-INF/versions/11/org/engine/Newer.class");
        Path folder = Files.createDirectories(dir.resolve("classes/org/app"));
        Files.writeString(folder.resolve("App.class"), "");
        Path main = jar(dir.resolve("main.jar"), "lib/engine.jar lib/missing.jar", "org/main/Main.class");

        ClassPathNames names = ClassPathNames.of(List.of(main, dir.resolve("classes")));

        assertThat(names.mayHold("org/main/Main.class")).isTrue();
        assertThat(names.mayHold("org/engine/Engine.class")).as("named by main.jar's manifest").isTrue();
        assertThat(names.mayHold("org/engine/Newer.class")).as("a multi-release entry under its plain name").isTrue();
        assertThat(names.mayHold("org/engine")).as("a folder of a jar without folder entries").isTrue();
        assertThat(names.mayHold("org/app/App.class")).isTrue();
        assertThat(names.mayHold("org/app")).isTrue();
        assertThat(names.mayHold("org/engine/Other.class")).isFalse();
        assertThat(names.mayHold("org/main/Engine.class")).isFalse();
    }

    @Test
    void aClassPathThatCannotBeReadAnswersNothingEarly() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.jar"), "not a jar");
        assertThat(ClassPathNames.of(List.of(broken))).isNull();
    }

    private static Path jar(Path path, String classPath, String... entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (String entry : entries) {
                jar.putNextEntry(new JarEntry(entry));
                jar.closeEntry();
            }
        }
        return path;
    }
}
