package cn.yanxiu;

import cn.yanxiu.system.CommandsBeforeSpring;

/**
 * The jar's entry point. It names no Spring type, so {@code --help}, {@code -V} and the commands that need no
 * database ({@code rules}, {@code generate}) answer without loading Spring at all; everything else goes on to
 * {@link YanxiuApplication}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // every timestamp is stored in UTC, whatever zone this machine is set to; Times shows them in the configured zone
        cn.yanxiu.system.Times.storeInUtc();
        if (CommandsBeforeSpring.wanted(args)) {
            System.exit(CommandsBeforeSpring.answer(args));
        }
        YanxiuApplication.main(args);
    }
}
