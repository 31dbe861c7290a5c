package org.lastmile.pipeline;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedCollection;
import java.util.SequencedMap;

/**
 * Values written down as text that is the same for equal values in every run, for a cache key: records field by
 * field, maps and sets without an order of their own sorted (an immutable {@code Set.of} iterates in a different
 * order in each JVM), ordered ones in their order, paths inside the site relative to it (a CI checkout elsewhere
 * finds the same key). A value of a type it does not know is not guessed at (its {@code toString} may leave fields
 * out): {@link Unknown} is thrown, and the caller caches nothing rather than risk a key that misses an input.
 */
final class Canon {
    /** A value that cannot be written down with certainty. */
    static final class Unknown extends Exception {
        Unknown(String what) {
            super(what, null, false, false);
        }
    }

    private static final int DEPTH = 64;
    /** Each record class's accessors, made accessible once per key (a key writes thousands of front matters). */
    private final ClassValue<java.lang.reflect.Method[]> accessorsOf = new ClassValue<>() {
        @Override
        protected java.lang.reflect.Method[] computeValue(Class<?> type) {
            RecordComponent[] cs = type.getRecordComponents();
            java.lang.reflect.Method[] ms = new java.lang.reflect.Method[cs.length];
            for (int i = 0; i < cs.length; i++) {
                ms[i] = cs[i].getAccessor();
                try {
                    ms[i].setAccessible(true);
                } catch (RuntimeException e) {
                    // left as it is: invoking it then fails, and the value is Unknown
                }
            }
            return ms;
        }
    };
    private final Path root;
    private final StringBuilder text = new StringBuilder();

    Canon(Path root) {
        this.root = root;
    }

    void add(String label, Object value) throws Unknown {
        text.append(label).append(' ');
        write(text, value, 0);
        text.append('\n');
    }

    String text() {
        return text.toString();
    }

    private void write(StringBuilder sb, Object v, int depth) throws Unknown {
        if (depth > DEPTH) throw new Unknown("nested too deep");
        switch (v) {
            case null -> sb.append('~');
            case String s -> sb.append('s').append(s.length()).append(':').append(s);
            case Number n when v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof Float
                    || v instanceof java.math.BigDecimal || v instanceof java.math.BigInteger || v instanceof Short
                    || v instanceof Byte -> sb.append('n').append(v.getClass().getSimpleName()).append(':').append(n);
            case Boolean b -> sb.append(b ? 'T' : 'F');
            case Character c -> sb.append('c').append((int) c);
            case Enum<?> e -> sb.append('e').append(e.getDeclaringClass().getName()).append('.').append(e.name());
            case Path p -> {
                Path abs = p.isAbsolute() ? p.normalize() : null;
                String shown = abs != null && abs.startsWith(root) ? "./" + root.relativize(abs) : p.toString();
                sb.append('p').append(shown.length()).append(':').append(shown);
            }
            case java.time.LocalDate d -> sb.append("d").append(d);
            case java.time.Instant i -> sb.append("i").append(i);
            case java.util.Locale l -> sb.append("l").append(l.toLanguageTag());
            case com.ibm.icu.util.ULocale l -> sb.append("u").append(l.toLanguageTag());
            case Optional<?> o -> {
                sb.append("o(");
                if (o.isPresent()) write(sb, o.get(), depth + 1);
                sb.append(')');
            }
            case Record r -> {
                sb.append('r').append(r.getClass().getName()).append('{');
                RecordComponent[] cs = r.getClass().getRecordComponents();
                java.lang.reflect.Method[] accessors = accessorsOf.get(r.getClass());
                for (int i = 0; i < cs.length; i++) {
                    Object value;
                    try {
                        value = accessors[i].invoke(r);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new Unknown(r.getClass().getName() + "." + cs[i].getName());
                    }
                    sb.append(cs[i].getName()).append('=');
                    write(sb, value, depth + 1);
                    sb.append(';');
                }
                sb.append('}');
            }
            case Map<?, ?> m -> {
                List<String> entries = new ArrayList<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    StringBuilder one = new StringBuilder();
                    write(one, e.getKey(), depth + 1);
                    one.append("=>");
                    write(one, e.getValue(), depth + 1);
                    entries.add(one.toString());
                }
                if (!(m instanceof SequencedMap<?, ?>)) entries.sort(null);
                sb.append("m[").append(String.join(",", entries)).append(']');
            }
            case Collection<?> c -> {
                List<String> items = new ArrayList<>();
                for (Object o : c) {
                    StringBuilder one = new StringBuilder();
                    write(one, o, depth + 1);
                    items.add(one.toString());
                }
                if (!(c instanceof SequencedCollection<?>)) items.sort(null);
                sb.append("a[").append(String.join(",", items)).append(']');
            }
            default -> throw new Unknown(v.getClass().getName());
        }
    }
}
