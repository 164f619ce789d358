package cn.yanxiu;

import cn.yanxiu.system.ClassArchiveLaunch;
import cn.yanxiu.system.CommandsBeforeSpring;
import cn.yanxiu.system.ShortCommandCompilation;
import java.nio.file.Path;

/**
 * The jar's entry point. It names no Spring type, so {@code --help}, {@code -V} and the commands that need no
 * database ({@code rules}, {@code generate}) answer without loading Spring at all; everything else goes on to
 * {@link YanxiuApplication}, in a second JVM that maps the build's class archive where there is one
 * ({@link ClassArchiveLaunch}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws java.io.IOException, InterruptedException {
        if (Main.class.getClassLoader().getResource("picocli/CommandLine.class") == null) {
            // the jar names its libraries in lib/ beside it: copied alone it could only fail with a class the JVM cannot find
            System.err.println("找不到 Yanxiu 的程序库：yanxiu.jar 须与构建时生成的 lib 文件夹放在同一目录（target/yanxiu.jar 与 target/lib/ 一起复制）");
            System.exit(1);
        }
        // every timestamp is stored in UTC, whatever zone this machine is set to; Times shows them in the configured zone
        cn.yanxiu.system.Times.storeInUtc();
        cn.yanxiu.system.PlainNumbers.sameOnEveryMachine();
        if (ClassArchiveLaunch.writesRuleCheckArchive()) {
            // the build's run whose loaded classes the JVM writes into the rule-check archive as it exits
            ClassArchiveLaunch.loadListedClasses();
            return;
        }
        ClassArchiveLaunch.followStarter();
        boolean beforeSpring = CommandsBeforeSpring.wanted(args);
        Path archive = beforeSpring ? ClassArchiveLaunch.ruleCheckArchiveFor(args) : ClassArchiveLaunch.archiveFor(args);
        if (archive != null || beforeSpring && ClassArchiveLaunch.quickCompilerFor(args)) {
            System.exit(ClassArchiveLaunch.run(archive, args));
        }
        ShortCommandCompilation.applyTo(args);
        if (beforeSpring) {
            System.exit(CommandsBeforeSpring.answer(args));
        }
        YanxiuApplication.main(args);
    }
}
