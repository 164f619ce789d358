package cn.yanxiu.system;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** The root of the command line; each capability adds its sub-commands through {@link YanxiuSubcommand}. */
@Component
@Command(name = "yanxiu", mixinStandardHelpOptions = true, version = "Yanxiu 0.1",
        description = "研修 — 校本研修评价 (school-based teacher development evaluation)")
public class YanxiuCommand {
}
