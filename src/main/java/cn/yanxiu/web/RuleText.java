package cn.yanxiu.web;

import cn.yanxiu.evaluation.RuleSnapshots;
import java.util.ArrayList;
import java.util.List;

/** Finds a rule's text in the stored rule-set snapshot: from {@code rule "NAME"} to its {@code end}. */
final class RuleText {

    private RuleText() {
    }

    /** The rule's lines with their numbers in the file (for a decision table, in the DRL generated from it), or an empty list. */
    static List<RuleSetController.Line> of(String rule, List<RuleSnapshots.StoredFile> files) {
        String head = "rule \"" + rule + "\"";
        for (RuleSnapshots.StoredFile f : files) {
            String text = f.text();
            if (!text.contains(head)) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().startsWith(head)) {
                    List<RuleSetController.Line> block = new ArrayList<>();
                    for (int j = i; j < lines.length && j < i + 80; j++) {
                        block.add(new RuleSetController.Line(j + 1, lines[j], false));
                        if (lines[j].strip().equals("end")) {
                            break;
                        }
                    }
                    return block;
                }
            }
        }
        return List.of();
    }
}
