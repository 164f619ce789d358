package cn.yanxiu.rules;

import java.nio.charset.StandardCharsets;

/**
 * One file of a rule set as it was read: its name, its bytes, their SHA-256, and for a decision table the
 * DRL generated from it (what the engine really compiles, kept so an auditor can read it).
 */
public record RuleFile(String name, byte[] content, String sha256, String drl, String sheet) {

    public boolean isDecisionTable() {
        return name.endsWith(".drl.xlsx");
    }

    /** The text the engine compiles: the DRL itself, or the DRL generated from the table. */
    public String compiledText() {
        return drl != null ? drl : new String(content, StandardCharsets.UTF_8);
    }
}
