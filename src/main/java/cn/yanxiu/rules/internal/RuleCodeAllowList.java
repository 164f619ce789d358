package cn.yanxiu.rules.internal;

import java.util.Map;
import java.util.Set;

/**
 * What the classes a rule set compiles to may touch: every class, method and field outside this list is
 * refused. The list is the rule vocabulary, plain values ({@code String}, boxed numbers, {@code Math},
 * {@code BigDecimal}, {@code java.time}), read-only collection use, the engine helper's insert, update,
 * delete and getRule, and the rule-building calls the engine's own code generator writes. Nothing here
 * reaches the runtime, a class loader, the environment, files, the network, threads, processes,
 * reflection, serialization or {@code System}.
 */
final class RuleCodeAllowList {

    static final String VOCABULARY = "cn/yanxiu/rules/vocabulary/";

    /** Every member of the class (except the methods below that no class may call). */
    private static final Set<String> ALL = Set.of("*");

    /** Methods inherited from Object and Enum that reach threads or reflection: refused on every class. */
    static final Set<String> NEVER = Set.of("getClass", "getDeclaringClass", "describeConstable", "resolveConstantDesc",
            "wait", "notify", "notifyAll", "finalize", "clone");

    private static final Set<String> OBJECT = Set.of("<init>", "equals", "hashCode", "toString");

    private static final Set<String> NUMBER_METHODS = Set.of("<init>", "valueOf", "parseInt", "parseLong", "parseDouble",
            "parseBoolean", "intValue", "longValue", "doubleValue", "floatValue", "shortValue", "byteValue", "booleanValue",
            "charValue", "compare", "compareTo", "equals", "hashCode", "toString", "max", "min", "sum", "abs", "signum",
            "isNaN", "isInfinite", "isFinite", "MAX_VALUE", "MIN_VALUE", "TYPE", "TRUE", "FALSE");

    private static final Set<String> READ_ONLY_COLLECTION = Set.of("size", "isEmpty", "contains", "containsAll", "get",
            "containsKey", "containsValue", "getOrDefault", "indexOf", "lastIndexOf", "equals", "hashCode", "toString", "of");

    private static final Set<String> TIME_VALUE = Set.of("*", "!now");

    /** Owner (internal name) → allowed member names; "*" for all, "!name" to except one from "*". */
    static final Map<String, Set<String>> MEMBERS = Map.ofEntries(
            Map.entry("java/lang/Object", OBJECT),
            Map.entry("java/lang/String", Set.of("<init>", "length", "isEmpty", "isBlank", "charAt", "substring", "indexOf",
                    "lastIndexOf", "contains", "startsWith", "endsWith", "equals", "equalsIgnoreCase", "compareTo",
                    "compareToIgnoreCase", "hashCode", "toString", "strip", "stripLeading", "stripTrailing", "trim",
                    "toUpperCase", "toLowerCase", "valueOf", "format", "join", "concat")),
            Map.entry("java/lang/CharSequence", Set.of("length", "charAt", "toString", "isEmpty")),
            Map.entry("java/lang/StringBuilder", Set.of("<init>()V", "<init>(Ljava/lang/String;)V",
                    "<init>(Ljava/lang/CharSequence;)V", "append", "toString", "length", "charAt")),
            Map.entry("java/lang/Number", NUMBER_METHODS),
            Map.entry("java/lang/Integer", NUMBER_METHODS),
            Map.entry("java/lang/Long", NUMBER_METHODS),
            Map.entry("java/lang/Double", NUMBER_METHODS),
            Map.entry("java/lang/Float", NUMBER_METHODS),
            Map.entry("java/lang/Short", NUMBER_METHODS),
            Map.entry("java/lang/Byte", NUMBER_METHODS),
            Map.entry("java/lang/Boolean", NUMBER_METHODS),
            Map.entry("java/lang/Character", NUMBER_METHODS),
            Map.entry("java/lang/Math", Set.of("*", "!random")),
            Map.entry("java/lang/StrictMath", Set.of("*", "!random")),
            Map.entry("java/lang/Enum", Set.of("<init>", "valueOf", "name", "ordinal", "equals", "hashCode", "toString", "compareTo")),
            // thrown by the generated rule classes for an unknown name; a rule that throws fails that teacher only
            Map.entry("java/lang/RuntimeException", Set.of("<init>")),
            Map.entry("java/lang/IllegalArgumentException", Set.of("<init>")),
            Map.entry("java/math/BigDecimal", Set.of("<init>(Ljava/lang/String;)V", "<init>(D)V", "<init>(I)V", "valueOf", "add",
                    "subtract", "multiply", "divide", "remainder", "compareTo", "equals", "hashCode", "toString", "toPlainString",
                    "doubleValue", "intValue", "longValue", "setScale", "negate", "abs", "signum", "max", "min", "ZERO", "ONE", "TEN")),
            Map.entry("java/math/RoundingMode", ALL),
            Map.entry("java/time/LocalDate", TIME_VALUE),
            Map.entry("java/time/LocalDateTime", TIME_VALUE),
            Map.entry("java/time/LocalTime", TIME_VALUE),
            Map.entry("java/time/Year", TIME_VALUE),
            Map.entry("java/time/YearMonth", TIME_VALUE),
            Map.entry("java/time/MonthDay", TIME_VALUE),
            Map.entry("java/time/Month", ALL),
            Map.entry("java/time/DayOfWeek", ALL),
            Map.entry("java/time/Period", ALL),
            Map.entry("java/time/Duration", ALL),
            Map.entry("java/time/temporal/ChronoUnit", ALL),
            Map.entry("java/time/chrono/ChronoLocalDate", Set.of("isBefore", "isAfter", "isEqual", "compareTo")),
            Map.entry("java/util/Objects", Set.of("equals", "hash", "hashCode", "isNull", "nonNull", "toString", "requireNonNullElse")),
            Map.entry("java/util/Collection", READ_ONLY_COLLECTION),
            Map.entry("java/util/List", READ_ONLY_COLLECTION),
            Map.entry("java/util/Set", READ_ONLY_COLLECTION),
            Map.entry("java/util/Map", READ_ONLY_COLLECTION),
            Map.entry("java/util/Arrays", Set.of("asList")),
            Map.entry("java/util/Collections", Set.of("emptyList")),
            Map.entry("java/util/Locale", Set.of("ENGLISH", "CHINA", "ROOT")),
            // the engine helper a consequence sees as `drools`: change facts and name the rule, nothing else
            Map.entry("org/drools/model/Drools", Set.of("insert", "update", "delete")),
            Map.entry("org/drools/modelcompiler/consequence/DroolsImpl", Set.of("asKnowledgeHelper", "insert", "update", "delete")),
            Map.entry("org/drools/core/rule/consequence/KnowledgeHelper", Set.of("getRule", "insert", "insertLogical", "update", "delete")),
            Map.entry("org/kie/api/runtime/rule/RuleContext", Set.of("getRule", "insertLogical")),
            Map.entry("org/kie/api/definition/rule/Rule", Set.of("getName", "getPackageName", "getId")),
            // the rule-building code the executable model writes around each rule
            Map.entry("org/drools/modelcompiler/dsl/pattern/D", ALL),
            Map.entry("org/drools/modelcompiler/util/EvaluationUtil", ALL),
            Map.entry("org/drools/model/PatternDSL$PatternDef", ALL),
            Map.entry("org/drools/model/Index$ConstraintType", ALL),
            Map.entry("org/drools/model/Rule$Attribute", ALL),
            Map.entry("org/drools/model/Rule", Set.of()),
            Map.entry("org/drools/model/Model", Set.of()),
            Map.entry("org/drools/model/RuleItemBuilder", Set.of()),
            Map.entry("org/drools/model/view/ViewItemBuilder", Set.of()),
            Map.entry("org/drools/model/DomainClassMetadata", ALL),
            Map.entry("org/drools/model/BitMask", Set.of("getPatternMask")),
            Map.entry("org/drools/model/impl/RuleBuilder", ALL),
            Map.entry("org/drools/model/functions/PredicateInformation", ALL),
            Map.entry("org/drools/model/functions/accumulate/AccumulateFunction", ALL),
            Map.entry("org/drools/model/functions/Predicate1", Set.of()),
            Map.entry("java/util/function/Supplier", Set.of()),
            // the project model the executable model writes for the whole rule set
            Map.entry("org/kie/api/KieServices", Set.of("get", "newKieModuleModel")),
            Map.entry("org/kie/api/builder/model/KieModuleModel", Set.of("newKieBaseModel")),
            Map.entry("org/kie/api/builder/model/KieBaseModel", Set.of("addPackage", "newKieSessionModel", "setDefault",
                    "setEventProcessingMode", "setMutability")),
            Map.entry("org/kie/api/builder/model/KieSessionModel", Set.of("setClockType", "setDefault", "setType")),
            Map.entry("org/kie/api/builder/model/KieSessionModel$KieSessionType", ALL),
            Map.entry("org/kie/api/conf/EventProcessingOption", ALL),
            Map.entry("org/kie/api/conf/KieBaseMutabilityOption", ALL),
            Map.entry("org/kie/api/runtime/conf/ClockTypeOption", Set.of("get")),
            Map.entry("org/kie/util/maven/support/ReleaseIdImpl", Set.of("<init>")),
            Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
            // the classic build wraps each accumulated value
            Map.entry("org/drools/mvel/field/FieldFactory", Set.of("getInstance", "getFieldValue")),
            Map.entry("org/drools/base/rule/accessor/FieldValue", Set.of()),
            Map.entry("java/time/format/DateTimeFormatterBuilder", Set.of("<init>", "appendPattern", "parseCaseInsensitive", "toFormatter")),
            Map.entry("java/time/format/DateTimeFormatter", Set.of()));

    /** Owners whose every public member is allowed: the engine's own accumulate functions, the DSL's operators. */
    private static final Set<String> PACKAGES = Set.of("org/drools/core/base/accumulators/", "org/drools/model/operators/",
            "org/drools/model/consequences/", "org/drools/model/functions/",
            // the property masks update/modify pass to the engine: plain values
            "org/drools/util/bitmask/", "org/drools/model/bitmask/");

    private RuleCodeAllowList() {
    }

    /** Whether code may use this member of this class (a method name, or name+descriptor for constructors). */
    static boolean allows(String owner, String name, String descriptor) {
        if (NEVER.contains(name)) {
            return false;
        }
        if (owner.startsWith(VOCABULARY)) {
            return true;
        }
        if (owner.startsWith("[")) {
            return name.equals("length");
        }
        Set<String> members = MEMBERS.get(owner);
        if (members == null) {
            return PACKAGES.stream().anyMatch(owner::startsWith);
        }
        if (members.contains("!" + name)) {
            return false;
        }
        return members.contains("*") || members.contains(name) || members.contains(name + descriptor);
    }

    /** Whether code may name this type (new, cast, instanceof, array, class constant). */
    static boolean allowsType(String internalName) {
        String type = internalName;
        while (type.startsWith("[")) {
            type = type.substring(1);
        }
        if (type.length() == 1) {
            return true; // primitive array element
        }
        if (type.startsWith("L") && type.endsWith(";")) {
            type = type.substring(1, type.length() - 1);
        }
        return type.startsWith(VOCABULARY) || MEMBERS.containsKey(type) || PACKAGES.stream().anyMatch(type::startsWith);
    }
}
