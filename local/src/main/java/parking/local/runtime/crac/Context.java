package parking.local.runtime.crac;

/** A group of resources notified together, itself a resource (as in CRaC). */
public abstract class Context<R extends Resource> implements Resource {

    protected Context() {
    }

    public abstract void register(R resource);
}
