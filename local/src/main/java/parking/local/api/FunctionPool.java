package parking.local.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;

/**
 * The execution environments of one function: a warm JVM serves each request when one is free;
 * otherwise a new one starts (a cold start), up to a cap, beyond which requests wait their turn.
 */
final class FunctionPool implements AutoCloseable {

    private final IntFunction<FunctionJvm> starter;
    private final int maxJvms;
    // A lock rather than synchronized: requests run on virtual threads, which Java 21 pins while they wait in a monitor.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
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
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("the local API is stopping");
                }
                FunctionJvm warm = idle.pollFirst();
                if (warm != null && warm.alive()) {
                    return warm;
                }
                if (warm != null) {
                    forget(warm);
                    continue;
                }
                if (live < maxJvms) {
                    live++;
                    instance = ++started;
                    break;
                }
                changed.await();
            }
        } finally {
            lock.unlock();
        }
        FunctionJvm jvm;
        try {
            jvm = starter.apply(instance);
        } catch (RuntimeException e) {
            lock.lock();
            try {
                live--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            throw e;
        }
        lock.lock();
        try {
            all.add(jvm);
        } finally {
            lock.unlock();
        }
        return jvm;
    }

    private void release(FunctionJvm jvm) {
        lock.lock();
        try {
            if (jvm.alive() && !closed) {
                // Most recently used first: the warmest JVM serves the next request, as Lambda tends to.
                idle.addFirst(jvm);
            } else {
                jvm.close();
                forget(jvm);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void forget(FunctionJvm jvm) {
        all.remove(jvm);
        live--;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            all.forEach(FunctionJvm::close);
            idle.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
