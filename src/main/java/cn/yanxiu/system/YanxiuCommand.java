package cn.yanxiu.system;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root of the command line; each capability adds its sub-commands through {@link YanxiuSubcommand}.
 * {@code --help} and {@code --version} are inherited by every sub-command, so each answers them.
 */
@Component
@Command(name = "yanxiu", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "Yanxiu 0.1",
        resourceBundle = "cn.yanxiu.system.cli",
        description = "研修 — 校本研修评价 (school-based teacher development evaluation)",
        footer = {"%n示例：", "  java -jar target/yanxiu.jar import data-samples", "  java -jar target/yanxiu.jar evaluate --term 2025-2026-1", "  java -jar target/yanxiu.jar explain --term 2025-2026-1 --teacher T0000008"})
public class YanxiuCommand {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "出错时显示完整的技术信息（供排查问题）")
    boolean verbose;
}
