package parking.local.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The execution environments of one function: a warm JVM serves each request when one is free;
 * otherwise a new one starts (a cold start), up to a cap, beyond which requests wait their turn.
 */
final class FunctionPool implements AutoCloseable {

    private final IntFunction<FunctionJvm> starter;
    private final int maxJvms;
    private final Deque<FunctionJvm> idle = new ArrayDeque<>();
    private final Set<FunctionJvm> all = new HashSet<>();
    private int started;
    private int live;
    private boolean closed;

    /** @param starter starts the n-th JVM of the function (n from 1) */
    FunctionPool(IntFunction<FunctionJvm> starter, int maxJvms) {
        this.starter = starter;
        this.maxJvms = maxJvms;
    }

    Invocation invoke(byte[] event) throws InterruptedException {
        FunctionJvm jvm = acquire();
        try {
            return jvm.invoke(event);
        } finally {
            release(jvm);
        }
    }

    private FunctionJvm acquire() throws InterruptedException {
        int instance;
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("the local API is stopping");
                }
                FunctionJvm warm = idle.pollFirst();
                if (warm != null && warm.alive()) {
                    return warm;
                }
                if (warm != null) {
                    live--;
                    continue;
                }
                if (live < maxJvms) {
                    live++;
                    instance = ++started;
                    break;
                }
                wait();
            }
        }
        try {
            FunctionJvm jvm = starter.apply(instance);
            synchronized (this) {
                all.add(jvm);
            }
            return jvm;
        } catch (RuntimeException e) {
            synchronized (this) {
                live--;
                notifyAll();
            }
            throw e;
        }
    }

    private synchronized void release(FunctionJvm jvm) {
        if (jvm.alive() && !closed) {
            // Most recently used first: the warmest JVM serves the next request, as Lambda tends to.
            idle.addFirst(jvm);
        } else {
            jvm.close();
            all.remove(jvm);
            live--;
        }
        notifyAll();
    }

    @Override
    public synchronized void close() {
        closed = true;
        all.forEach(FunctionJvm::close);
        idle.clear();
        notifyAll();
    }
}
