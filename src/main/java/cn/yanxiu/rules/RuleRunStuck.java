package cn.yanxiu.rules;

/**
 * A teacher's rules did not stop even after the engine was told to halt, so the thread running them cannot be
 * freed. The run stops here with this message rather than hang; resuming would meet the same rule.
 */
public class RuleRunStuck extends RuntimeException {

    public RuleRunStuck(String message) {
        super(message);
    }
}
