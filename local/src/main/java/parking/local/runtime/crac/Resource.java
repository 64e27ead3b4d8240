package parking.local.runtime.crac;

/** What {@code org.crac.Resource} registrations become: a hook pair around the snapshot. */
public interface Resource {

    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
