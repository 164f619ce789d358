package cn.yanxiu.system;

/** Marks a picocli command bean as a sub-command of {@code yanxiu}. */
public interface YanxiuSubcommand {
}
