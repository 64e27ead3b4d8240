package parking.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The function's handler, built once per JVM, with the JSON (de)serialization the managed Java
 * runtime applies (aws-lambda-java-libs' runtime interface client, {@code EventHandlerLoader}):
 * a {@link CustomPojoSerializer} the code provides, else AWS's own serializers for the
 * {@code aws-lambda-java-events} classes, else Jackson as configured by
 * {@code aws-lambda-java-serialization}. A handler string is {@code Class} (a
 * {@link RequestHandler} or {@link RequestStreamHandler}) or {@code Class::method}.
 */
final class FunctionHandler {

    /** One invocation: the event's bytes in, the response's bytes out. */
    @FunctionalInterface
    private interface StreamCall {
        void call(InputStream input, OutputStream output, Context context) throws Throwable;
    }

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);

    /** The runtime's order among overloads: real methods before bridges, longer signatures first, a trailing Context counting one more. */
    private static final Comparator<Method> OVERLOAD_PRIORITY = Comparator
            .comparing(Method::isBridge)
            .thenComparing(Comparator.comparingInt(FunctionHandler::weight).reversed());

    private final StreamCall call;

    private FunctionHandler(StreamCall call) {
        this.call = call;
    }

    /**
     * Loads and initialises the handler's class in {@code code} and builds the handler.
     *
     * @throws Throwable when the class, method or constructor cannot be used, or what the class's
     *     initialiser or constructor throws
     */
    static FunctionHandler load(String handler, ClassLoader code) throws Throwable {
        String[] classAndMethod = handler.split("::", 2);
        Class<?> type = Class.forName(classAndMethod[0].trim(), true, code);
        if (classAndMethod.length == 2) {
            return fromMethod(type, classAndMethod[1].trim(), code);
        }
        if (RequestStreamHandler.class.isAssignableFrom(type)) {
            RequestStreamHandler instance = (RequestStreamHandler) construct(type);
            return new FunctionHandler(instance::handleRequest);
        }
        if (RequestHandler.class.isAssignableFrom(type)) {
            Type[] parameters = requestHandlerTypes(type);
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> instance = (RequestHandler<Object, Object>) construct(type);
            return pojo(instance::handleRequest, parameters[0], parameters[1], code);
        }
        throw new IllegalArgumentException("Class does not implement an appropriate handler interface: " + type.getName());
    }

    byte[] invoke(byte[] event, Context context) throws Throwable {
        ByteArrayOutputStream output = new ByteArrayOutputStream(1024);
        call.call(new ByteArrayInputStream(event), output, context);
        return output.toByteArray();
    }

    private static FunctionHandler fromMethod(Class<?> type, String name, ClassLoader code) throws Throwable {
        Method[] candidates = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name))
                .sorted(OVERLOAD_PRIORITY)
                .toArray(Method[]::new);
        for (Method method : candidates) {
            Optional<FunctionHandler> handler = fromOverload(type, method, code);
            if (handler.isPresent()) {
                return handler.get();
            }
        }
        throw new NoSuchMethodException("No public method named " + name + " with appropriate method signature found on class " + type.getName());
    }

    private static Optional<FunctionHandler> fromOverload(Class<?> type, Method method, ClassLoader code) throws Throwable {
        Class<?>[] p = method.getParameterTypes();
        Type input = p.length > 0 && !isStreamOrContext(p[0]) ? method.getGenericParameterTypes()[0] : null;
        Type output = method.getGenericReturnType();
        boolean streams = p.length >= 2 && p[0] == InputStream.class && p[1] == OutputStream.class
                && (p.length == 2 || p.length == 3 && p[2] == Context.class);
        boolean pojo = p.length == 0
                || p.length == 1 && (input != null || p[0] == Context.class)
                || p.length == 2 && input != null && p[1] == Context.class;
        if (!streams && !pojo) {
            return Optional.empty();
        }
        Object instance = Modifier.isStatic(method.getModifiers()) ? null : construct(type);
        if (streams) {
            return Optional.of(new FunctionHandler((in, out, context) ->
                    reflect(method, instance, p.length == 3 ? new Object[] {in, out, context} : new Object[] {in, out})));
        }
        return Optional.of(pojo((event, context) -> reflect(method, instance, arguments(p, event, context)), input, output, code));
    }

    private static Object[] arguments(Class<?>[] parameters, Object event, Context context) {
        return switch (parameters.length) {
            case 0 -> new Object[0];
            case 1 -> new Object[] {parameters[0] == Context.class ? context : event};
            default -> new Object[] {event, context};
        };
    }

    @FunctionalInterface
    private interface PojoCall {
        Object call(Object input, Context context) throws Throwable;
    }

    private static FunctionHandler pojo(PojoCall call, Type inputType, Type outputType, ClassLoader code) {
        PojoSerializer<Object> input = inputType == null ? null : serializer(inputType, code);
        PojoSerializer<Object> output = isVoid(outputType) ? null : serializer(outputType, code);
        return new FunctionHandler((in, out, context) -> {
            Object event;
            try {
                event = input == null ? null : input.fromJson(in);
            } catch (RuntimeException e) {
                throw new RuntimeException("An error occurred during JSON parsing", e);
            }
            Object result = call.call(event, context);
            if (output == null) {
                out.write(JSON_NULL);
                return;
            }
            try {
                output.toJson(result, out);
            } catch (RuntimeException e) {
                throw new RuntimeException("An error occurred during JSON serialization of response", e);
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PojoSerializer<Object> serializer(Type type, ClassLoader code) {
        Iterator<CustomPojoSerializer> custom = ServiceLoader.load(CustomPojoSerializer.class, code).iterator();
        if (custom.hasNext()) {
            CustomPojoSerializer serializer = custom.next();
            return new PojoSerializer<>() {
                @Override
                public Object fromJson(InputStream input) {
                    return serializer.fromJson(input, type);
                }

                @Override
                public Object fromJson(String input) {
                    return serializer.fromJson(input, type);
                }

                @Override
                public void toJson(Object value, OutputStream output) {
                    serializer.toJson(value, output, type);
                }
            };
        }
        if (type instanceof Class<?> raw && LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return LambdaEventSerializers.serializerFor((Class) raw, code);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** The input and output types a class gives {@code RequestHandler<I, O>}, looked up through its supertypes. */
    private static Type[] requestHandlerTypes(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Type candidate : current.getGenericInterfaces()) {
                if (candidate instanceof ParameterizedType parameterized && parameterized.getRawType() == RequestHandler.class) {
                    Type[] arguments = parameterized.getActualTypeArguments();
                    if (arguments[0] instanceof Class<?> || arguments[0] instanceof ParameterizedType) {
                        return arguments;
                    }
                }
            }
        }
        throw new IllegalArgumentException("Class " + type.getName() + " does not implement RequestHandler with concrete type parameters");
    }

    private static Object construct(Class<?> type) throws Throwable {
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } catch (NoSuchMethodException e) {
            throw new NoSuchMethodException("Class " + type.getName() + " has no public zero-argument constructor");
        }
    }

    private static Object reflect(Method method, Object instance, Object[] arguments) throws Throwable {
        try {
            return method.invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static int weight(Method method) {
        Class<?>[] p = method.getParameterTypes();
        return p.length + (p.length > 0 && p[p.length - 1] == Context.class ? 1 : 0);
    }

    private static boolean isStreamOrContext(Class<?> type) {
        return type == InputStream.class || type == OutputStream.class || type == Context.class;
    }

    private static boolean isVoid(Type type) {
        return type == void.class || type == Void.class;
    }
}
