package org.roomgate.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;

/**
 * Every JAX-RS resource method of the application, read by reflection from the compiled classes,
 * with the roles its annotations allow: the authorisation the OpenAPI document must state.
 */
final class ResourceMethods {

    private static final Path CLASSES = Path.of("target", "classes");

    /** A resource method; {@code roles} empty and {@code open} false: no security annotation at all. */
    record Endpoint(String method, String path, Set<String> roles, boolean open, String javaName) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " (" + javaName + ")";
        }
    }

    private ResourceMethods() {
    }

    static List<Endpoint> all() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : resourceClasses()) {
            String base = type.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method method : type.getDeclaredMethods()) {
                httpMethod(method).ifPresent(http -> {
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = normalise(base + "/" + (sub == null ? "" : sub.value()));
                    endpoints.add(endpoint(http, path, type, method));
                });
            }
        }
        return endpoints;
    }

    private static Endpoint endpoint(String http, String path, Class<?> type, Method method) {
        String name = type.getSimpleName() + "." + method.getName();
        for (AnnotatedElement level : List.<AnnotatedElement> of(method, type)) {
            RolesAllowed roles = level.getAnnotation(RolesAllowed.class);
            if (roles != null) {
                return new Endpoint(http, path, new TreeSet<>(Arrays.asList(roles.value())), false, name);
            }
            if (level.isAnnotationPresent(PermitAll.class)) {
                return new Endpoint(http, path, Set.of(), true, name);
            }
        }
        return new Endpoint(http, path, Set.of(), false, name);
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(h -> h != null)
                .map(h -> h.value().toLowerCase())
                .findFirst();
    }

    /** {@code /a//{id: [0-9]+}/} → {@code /a/{id}}, as the document writes path templates. */
    static String normalise(String path) {
        String plain = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    private static List<Class<?>> resourceClasses() {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            List<Class<?>> types = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                if (type != null && type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    types.add(type);
                }
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
