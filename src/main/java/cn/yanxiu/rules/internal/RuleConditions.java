package cn.yanxiu.rules.internal;

import java.util.HashSet;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.From;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.definition.rule.Rule;

/** What a rule's conditions read from the session: the classes of the facts its patterns match. */
final class RuleConditions {

    private RuleConditions() {
    }

    /**
     * The fact classes the rule's patterns match in the session, inside {@code not}, {@code exists},
     * {@code accumulate} and {@code collect} too; the engine's own start fact is left out. Null when the rule
     * reads something else a session can hold (a query, another entry point, a window): then what it depends on
     * is not known from its patterns alone.
     */
    static Set<Class<?>> factClasses(Rule rule) {
        Set<Class<?>> classes = new HashSet<>();
        return rule instanceof RuleImpl impl && collect(impl.getLhs(), classes) ? classes : null;
    }

    private static boolean collect(RuleConditionElement element, Set<Class<?>> classes) {
        if (element instanceof Pattern pattern) {
            if (pattern.getSource() == null) {
                if (!(pattern.getObjectType() instanceof ClassObjectType type)) {
                    return false;
                }
                if (!type.getClassType().getName().startsWith("org.drools.")) {
                    classes.add(type.getClassType());
                }
                return true;
            }
            // an accumulate's or collect's result: what it reads are the patterns inside its source
            return collect(pattern.getSource(), classes);
        }
        if (element instanceof From) {
            // reads an expression over variables bound by the rule's other patterns, not the session
            return true;
        }
        if (!(element instanceof GroupElement) && !(element instanceof org.drools.base.rule.Accumulate)
                && !(element instanceof org.drools.base.rule.Collect) && !(element instanceof org.drools.base.rule.EvalCondition)) {
            return false;
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            if (!collect(nested, classes)) {
                return false;
            }
        }
        return true;
    }
}
