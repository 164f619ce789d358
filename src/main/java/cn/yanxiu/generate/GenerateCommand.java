package cn.yanxiu.generate;

import cn.yanxiu.system.Progress;
import cn.yanxiu.system.YanxiuSubcommand;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: a deterministic synthetic county of any size, shaped like the sample county. */
@Component
@Command(name = "generate", description = "生成模拟数据（确定性）：默认即样本县 21 所学校、1030 名教师、2025-2026 学年两个学期",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar generate --out sample-county", "  java -jar target/yanxiu.jar generate --teachers 5000 --seed 7 --out big-county"})
class GenerateCommand implements Callable<Integer>, YanxiuSubcommand {

    @Option(names = "--teachers", defaultValue = "1030", description = "教师人数（默认 ${DEFAULT-VALUE}）")
    int teachers;

    @Option(names = "--seed", defaultValue = "2025", description = "随机种子（默认 ${DEFAULT-VALUE}）")
    long seed;

    @Option(names = "--out", required = true, description = "输出文件夹")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (teachers < 1 || teachers > 20_000_000) {
            spec.commandLine().getErr().println("--teachers 应在 1 到 20000000 之间");
            return 2;
        }
        Progress progress = new Progress("生成教师", teachers, spec.commandLine().getErr());
        List<Path> files = new SampleCountyGenerator(teachers, seed).write(out, progress::update);
        progress.done();
        files.forEach(f -> spec.commandLine().getOut().println("  " + f));
        return 0;
    }
}
