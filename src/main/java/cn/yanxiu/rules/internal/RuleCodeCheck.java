package cn.yanxiu.rules.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Judges a rule set by the classes it compiles to, not by its text: every class, method and field the
 * generated code touches must be on {@link RuleCodeAllowList}; code may not loop (no backward jump), recurse,
 * catch, lock, or make an array whose size is not a small constant. Strings, comments, escapes and text
 * blocks cannot hide anything here: this is what would run.
 */
final class RuleCodeCheck {

    /** One refusal: the rule whose code it is (null when no rule owns the class) and why, in Chinese. */
    record Refusal(String rule, String method, String message) {
    }

    static final int MAX_ARRAY = 256;
    /** Exceptions a rule's code may catch (the engine wraps each DRL function in such a handler); never an Error. */
    private static final Set<String> CATCHABLE = Set.of("java/lang/Exception", "java/lang/RuntimeException",
            "java/lang/ArithmeticException", "java/lang/NumberFormatException");
    private static final Pattern WIDE_FORMAT = Pattern.compile("%[-#+ 0,(]*\\d{4,}");
    private static final Pattern CLASSIC_RULE_CLASS = Pattern.compile(".*/Rule_(.+?)-?\\d+");
    private static final Pattern ESCAPE = Pattern.compile("\\$u(\\d+)\\$");
    private static final String DSL = "org/drools/modelcompiler/dsl/pattern/D";

    private final Map<String, ClassNode> classes = new LinkedHashMap<>();
    private final Map<String, String> ruleOfClass = new HashMap<>();
    private final Map<String, Refusal> refusals = new LinkedHashMap<>();
    /** The method being checked, so a refusal in a DRL function can be placed at the function. */
    private MethodNode current;

    private RuleCodeCheck(Map<String, byte[]> bytecode) {
        for (byte[] bytes : bytecode.values()) {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            classes.put(node.name, node);
        }
    }

    /** Every refusal for the generated classes (class file name → bytes); empty when the code may run. */
    static List<Refusal> check(Map<String, byte[]> bytecode) {
        RuleCodeCheck check = new RuleCodeCheck(bytecode);
        check.mapClassesToRules();
        for (ClassNode c : check.classes.values()) {
            for (MethodNode m : c.methods) {
                if (!isCompilerWrittenEnumValues(c, m)) {
                    check.checkMethod(c, m);
                }
            }
        }
        check.refuseRecursion();
        return List.copyOf(check.refusals.values());
    }

    /** The rule a generated class belongs to: the rule-building method that names it after {@code D.rule(pkg, name)}. */
    private void mapClassesToRules() {
        for (ClassNode c : classes.values()) {
            Matcher classic = CLASSIC_RULE_CLASS.matcher(c.name);
            if (classic.matches()) {
                ruleOfClass.put(c.name, demangle(classic.group(1)));
            }
            for (MethodNode m : c.methods) {
                String rule = null;
                String lastString = null;
                for (AbstractInsnNode in : m.instructions) {
                    if (in instanceof LdcInsnNode ldc && ldc.cst instanceof String s) {
                        lastString = s;
                    } else if (in instanceof MethodInsnNode call && call.owner.equals(DSL) && call.name.equals("rule")) {
                        rule = lastString;
                    } else if (rule != null) {
                        String referenced = referencedClass(in);
                        if (referenced != null && classes.containsKey(referenced)) {
                            ruleOfClass.putIfAbsent(referenced, rule);
                        }
                    }
                }
            }
        }
    }

    /** The classic build names a rule's class {@code Rule_<name with $uNN$ escapes><hash>}. */
    private static String demangle(String mangled) {
        Matcher escape = ESCAPE.matcher(mangled);
        StringBuilder out = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1)))));
        }
        escape.appendTail(out);
        return out.toString();
    }

    private static String referencedClass(AbstractInsnNode in) {
        if (in instanceof FieldInsnNode f) {
            return f.owner;
        }
        if (in instanceof MethodInsnNode call) {
            return call.owner;
        }
        if (in instanceof TypeInsnNode t) {
            return t.desc;
        }
        return null;
    }

    /** javac's and ecj's {@code values()} of an enum (the engine writes each lambda as an enum singleton). */
    private static boolean isCompilerWrittenEnumValues(ClassNode c, MethodNode m) {
        return "java/lang/Enum".equals(c.superName) && m.name.equals("values") && m.desc.equals("()[L" + c.name + ";");
    }

    private void checkMethod(ClassNode c, MethodNode m) {
        current = m;
        if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            refuse(c, "不允许 synchronized（加锁可使评价线程互相等待）");
        }
        for (TryCatchBlockNode handler : m.tryCatchBlocks) {
            if (handler.type == null || !CATCHABLE.contains(handler.type)) {
                refuse(c, m, "不允许捕获 " + (handler.type == null ? "全部异常（finally/synchronized）" : readable(handler.type))
                        + "：内存不足、栈溢出等错误须记录为该教师的规则错误，不能被规则吞掉");
            }
        }
        for (AbstractInsnNode in : m.instructions) {
            checkInstruction(c, m, in);
        }
    }

    private void checkInstruction(ClassNode c, MethodNode m, AbstractInsnNode in) {
        int index = m.instructions.indexOf(in);
        if (in instanceof MethodInsnNode call) {
            checkMember(c, call.owner, call.name, call.desc);
        } else if (in instanceof FieldInsnNode field) {
            boolean write = field.getOpcode() == Opcodes.PUTFIELD || field.getOpcode() == Opcodes.PUTSTATIC;
            if (write && !field.owner.equals(c.name)) {
                refuse(c, "不允许改写其他类的字段：" + readable(field.owner) + "." + field.name);
            } else if (!write) {
                checkMember(c, field.owner, field.name, "");
            }
        } else if (in instanceof TypeInsnNode type) {
            if (!allowedType(type.desc)) {
                refuse(c, reason(type.desc) + "：" + readable(type.desc));
            } else if (type.getOpcode() == Opcodes.ANEWARRAY) {
                checkArraySize(c, in);
            }
        } else if (in.getOpcode() == Opcodes.NEWARRAY) {
            checkArraySize(c, in);
        } else if (in instanceof MultiANewArrayInsnNode) {
            refuse(c, "不允许创建多维数组");
        } else if (in instanceof LdcInsnNode ldc) {
            checkConstant(c, ldc.cst);
        } else if (in instanceof InvokeDynamicInsnNode indy) {
            checkDynamic(c, indy);
        } else if (in instanceof JumpInsnNode jump) {
            refuseBackward(c, m, index, jump.label);
        } else if (in instanceof TableSwitchInsnNode table) {
            refuseBackward(c, m, index, table.dflt);
            table.labels.forEach(l -> refuseBackward(c, m, index, l));
        } else if (in instanceof LookupSwitchInsnNode lookup) {
            refuseBackward(c, m, index, lookup.dflt);
            lookup.labels.forEach(l -> refuseBackward(c, m, index, l));
        } else if (in.getOpcode() == Opcodes.MONITORENTER) {
            refuse(c, "不允许 synchronized（加锁可使评价线程互相等待）");
        }
    }

    private boolean allowedType(String type) {
        String element = type.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
        return classes.containsKey(element) || RuleCodeAllowList.allowsType(type);
    }

    private void checkMember(ClassNode c, String owner, String name, String desc) {
        if (classes.containsKey(owner)) {
            if (RuleCodeAllowList.NEVER.contains(name)) {
                refuse(c, reason("java/lang/Class") + "：" + name);
            }
            return;
        }
        if (!RuleCodeAllowList.allows(owner, name, desc)) {
            refuse(c, reason(owner) + "：" + readable(owner) + "." + ("<init>".equals(name) ? "new" : name));
        }
    }

    private void checkConstant(ClassNode c, Object constant) {
        if (constant instanceof Type type && type.getSort() == Type.OBJECT && !allowedType(type.getInternalName())) {
            refuse(c, "不允许使用反射：" + readable(type.getInternalName()) + ".class");
        } else if (constant instanceof Type type && type.getSort() == Type.METHOD || constant instanceof Handle) {
            refuse(c, "不允许使用方法句柄（反射）");
        } else if (constant instanceof String s && WIDE_FORMAT.matcher(s).find()) {
            refuse(c, "格式宽度过大（会生成超长文字）：" + s);
        } else if (!(constant instanceof String || constant instanceof Number || constant instanceof Type)) {
            refuse(c, "不允许的常量：" + constant);
        }
    }

    /** Only the engine's own accumulate-function constructors may be passed as lambdas; a rule's own lambda is refused. */
    private void checkDynamic(ClassNode c, InvokeDynamicInsnNode indy) {
        boolean lambda = indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory");
        if (lambda && indy.bsmArgs.length >= 2 && indy.bsmArgs[1] instanceof Handle target
                && !classes.containsKey(target.getOwner()) && target.getName().equals("<init>")
                && RuleCodeAllowList.allows(target.getOwner(), target.getName(), target.getDesc())) {
            return;
        }
        refuse(c, lambda ? "不允许 lambda 表达式或方法引用" : "不允许动态调用（invokedynamic）");
    }

    private void checkArraySize(ClassNode c, AbstractInsnNode newArray) {
        AbstractInsnNode size = newArray.getPrevious();
        int op = size == null ? -1 : size.getOpcode();
        int value = -1;
        if (op >= Opcodes.ICONST_0 && op <= Opcodes.ICONST_5) {
            value = op - Opcodes.ICONST_0;
        } else if ((op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) && size instanceof IntInsnNode push) {
            value = push.operand;
        }
        if (value < 0 || value > MAX_ARRAY) {
            refuse(c, "数组长度须是不超过 " + MAX_ARRAY + " 的常数");
        }
    }

    private void refuseBackward(ClassNode c, MethodNode m, int index, LabelNode target) {
        if (m.instructions.indexOf(target) <= index) {
            refuse(c, "不允许循环（while、for、do）：规则代码须一次执行完毕，重复由规则引擎的匹配完成");
        }
    }

    /** Calls among generated methods must form no cycle: recursion could run without end. */
    private void refuseRecursion() {
        Map<String, Set<String>> calls = new TreeMap<>();
        for (ClassNode c : classes.values()) {
            for (MethodNode m : c.methods) {
                Set<String> callees = calls.computeIfAbsent(c.name + "." + m.name + m.desc, k -> new LinkedHashSet<>());
                for (AbstractInsnNode in : m.instructions) {
                    if (in instanceof MethodInsnNode call && classes.containsKey(call.owner)) {
                        callees.add(call.owner + "." + call.name + call.desc);
                    }
                }
            }
        }
        Set<String> done = new HashSet<>();
        for (String start : calls.keySet()) {
            String cycle = findCycle(start, calls, new LinkedHashSet<>(), done);
            if (cycle != null) {
                ClassNode owner = classes.get(cycle.substring(0, cycle.lastIndexOf('.', cycle.indexOf('('))));
                String name = cycle.substring(cycle.lastIndexOf('.', cycle.indexOf('(')) + 1, cycle.indexOf('('));
                current = owner.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElse(null);
                refuse(owner, "不允许递归（函数或规则代码直接或间接调用自身）：" + cycle.substring(cycle.lastIndexOf('.', cycle.indexOf('(')) + 1, cycle.indexOf('(')));
            }
        }
    }

    private static String findCycle(String method, Map<String, Set<String>> calls, Set<String> path, Set<String> done) {
        if (path.contains(method)) {
            return method;
        }
        if (!done.add(method)) {
            return null;
        }
        path.add(method);
        for (String callee : calls.getOrDefault(method, Set.of())) {
            String cycle = findCycle(callee, calls, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(method);
        return null;
    }

    private void refuse(ClassNode c, String message) {
        refuse(c, current, message);
    }

    private void refuse(ClassNode c, MethodNode m, String message) {
        String rule = ruleOfClass.get(c.name);
        refusals.putIfAbsent(rule + "\u0000" + message, new Refusal(rule, m == null ? null : m.name, message));
    }

    static String readable(String internalName) {
        return internalName.replaceFirst("^\\[+L?", "").replaceFirst(";$", "").replace('/', '.').replace('$', '.');
    }

    /** Why a class is out of reach, in the administrator's words. */
    static String reason(String owner) {
        String o = owner.replaceFirst("^\\[+L?", "");
        if (o.startsWith("java/lang/System") || o.startsWith("java/lang/Runtime") || o.startsWith("java/lang/Shutdown")) {
            return "不允许访问系统（System、Runtime）";
        }
        if (o.startsWith("java/lang/Process")) {
            return "不允许启动或操纵进程";
        }
        if (o.startsWith("java/lang/Thread") || o.startsWith("java/util/concurrent") || o.startsWith("java/lang/Object")) {
            return "不允许使用线程、等待或加锁";
        }
        if (o.startsWith("java/lang/reflect") || o.startsWith("java/lang/invoke") || o.startsWith("java/lang/Class")
                || o.startsWith("java/lang/Module") || o.startsWith("java/lang/ClassLoader")) {
            return "不允许使用反射";
        }
        if (o.startsWith("java/io") || o.startsWith("java/nio")) {
            return "不允许读写文件或序列化";
        }
        if (o.startsWith("java/net") || o.startsWith("javax/net")) {
            return "不允许网络访问";
        }
        if (o.startsWith("org/kie") || o.startsWith("org/drools")) {
            return "不允许访问规则引擎的运行时（只可用 insert、update、delete、getRule）";
        }
        return "只允许使用规则词汇、字符串、数值、Math、BigDecimal、java.time 值与只读集合";
    }
}
