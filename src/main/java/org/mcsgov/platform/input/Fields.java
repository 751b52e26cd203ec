package org.mcsgov.platform.input;

import java.lang.reflect.Field;

/**
 * The engine's commands keep what a caller sent in protected fields without getters: read (and, to leave out
 * unchanged read-only fields, replace) them by name. Only the input gate uses this, for a fixed set of commands
 * whose field names every 7.x release (and Operaton) keeps.
 */
final class Fields {

    private Fields() {
    }

    @SuppressWarnings("unchecked")
    static <T> T get(Object target, String name) {
        try {
            return (T) field(target.getClass(), name).get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static void set(Object target, String name, Object value) {
        try {
            field(target.getClass(), name).set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new IllegalStateException("the engine's " + type.getSimpleName() + " has no field " + name);
    }
}
