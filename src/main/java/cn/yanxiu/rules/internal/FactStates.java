package cn.yanxiu.rules.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field values of some facts at one moment, to tell later whether any rule changed one of them. Collections
 * and maps are copied when taken, so a change inside them shows too.
 */
final class FactStates {

    private static final java.util.Set<Class<?>> VALUE_TYPES = java.util.Set.of(String.class, Boolean.class, Character.class, Byte.class, Short.class,
            Integer.class, Long.class, Float.class, Double.class, java.math.BigDecimal.class, java.math.BigInteger.class);

    private static final Map<Class<?>, Field[]> FIELDS = new ConcurrentHashMap<>();

    private final Map<Object, Object[]> values = new IdentityHashMap<>();

    private FactStates() {
    }

    /** The facts' state now; null when a fact holds something whose state cannot be read this way (then its changes could not be seen). */
    static FactStates of(List<Object> facts) {
        FactStates states = new FactStates();
        for (Object fact : facts) {
            Field[] fields = fieldsOf(fact.getClass());
            if (fields == null) {
                return null;
            }
            Object[] state = read(fact, fields);
            if (state == null) {
                return null;
            }
            states.values.put(fact, state);
        }
        return states;
    }

    /** One fact's field values (collections copied), or null when its fields cannot be read this way. */
    static List<Object> valuesOf(Object fact) {
        Field[] fields = fieldsOf(fact.getClass());
        Object[] state = fields == null ? null : read(fact, fields);
        return state == null ? null : Arrays.asList(state);
    }

    /** True when every fact still holds what it held when taken. */
    boolean unchanged() {
        for (Map.Entry<Object, Object[]> e : values.entrySet()) {
            if (!Arrays.equals(e.getValue(), read(e.getKey(), FIELDS.get(e.getKey().getClass())))) {
                return false;
            }
        }
        return true;
    }

    /** The fields' values, collections copied; null when a collection holds something other than plain values. */
    private static Object[] read(Object fact, Field[] fields) {
        Object[] state = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Object value;
            try {
                value = fields[i].get(fact);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof java.util.Collection<?> collection) {
                if (!collection.stream().allMatch(FactStates::plainValue)) {
                    return null;
                }
                value = value instanceof java.util.Set<?> ? new java.util.HashSet<>(collection) : new ArrayList<>(collection);
            } else if (value instanceof Map<?, ?> map) {
                if (!map.keySet().stream().allMatch(FactStates::plainValue) || !map.values().stream().allMatch(FactStates::plainValue)) {
                    return null;
                }
                value = new java.util.HashMap<>(map);
            }
            state[i] = value;
        }
        return state;
    }

    private static boolean plainValue(Object value) {
        return value == null || plain(value.getClass()) && !java.util.Collection.class.isAssignableFrom(value.getClass())
                && !Map.class.isAssignableFrom(value.getClass());
    }

    /** Instance fields of a class whose values are plain values or collections of them; null for any other class. */
    private static Field[] fieldsOf(Class<?> type) {
        Field[] known = FIELDS.get(type);
        if (known != null) {
            return known;
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                if (!plain(f.getType())) {
                    return null;
                }
                try {
                    f.setAccessible(true);
                } catch (RuntimeException e) {
                    return null;
                }
                fields.add(f);
            }
        }
        Field[] array = fields.toArray(Field[]::new);
        FIELDS.put(type, array);
        return array;
    }

    /** A type whose values {@code equals} compares by content and no rule can change in place (collections are copied). */
    private static boolean plain(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || VALUE_TYPES.contains(type) || type.getName().startsWith("java.time.")
                || java.util.Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
    }
}
