package parking.local.runtime.crac;

import java.util.ArrayList;
import java.util.List;

/** The JVM's one global context, and the stand-in for a snapshot and its restore. */
public final class Core {

    private static final GlobalContext GLOBAL = new GlobalContext();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** Runs the hooks as a SnapStart publication does: {@code beforeCheckpoint}, then {@code afterRestore}. */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        GLOBAL.beforeCheckpoint(null);
        GLOBAL.afterRestore(null);
    }

    /** CRaC's order: checkpoint hooks from the last registered to the first, restore hooks the other way. */
    private static final class GlobalContext extends Context<Resource> {

        private final List<Resource> resources = new ArrayList<>();

        @Override
        public synchronized void register(Resource resource) {
            resources.add(resource);
        }

        @Override
        public synchronized void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
            CheckpointException failed = null;
            for (Resource resource : resources.reversed()) {
                try {
                    resource.beforeCheckpoint(this);
                } catch (Exception e) {
                    failed = failed == null ? new CheckpointException() : failed;
                    failed.addSuppressed(e);
                }
            }
            if (failed != null) {
                throw failed;
            }
        }

        @Override
        public synchronized void afterRestore(Context<? extends Resource> context) throws RestoreException {
            RestoreException failed = null;
            for (Resource resource : resources) {
                try {
                    resource.afterRestore(this);
                } catch (Exception e) {
                    failed = failed == null ? new RestoreException() : failed;
                    failed.addSuppressed(e);
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }
}
