/**
 * The runtime's implementation of the CRaC API that functions use through {@code org.crac}
 * (SnapStart runtime hooks). {@code org.crac} looks for an implementation named by the system
 * property {@code org.crac.Core.Compat}, whose package must hold {@code Core},
 * {@code Context}, {@code Resource}, {@code CheckpointException} and {@code RestoreException};
 * the managed Java runtime plugs in its own the same way. There is no real snapshot here:
 * {@link parking.local.runtime.crac.Core#checkpointRestore()} runs every registered
 * {@code beforeCheckpoint} hook, then every {@code afterRestore} hook, which is what a function
 * version published with SnapStart goes through before its first invocation.
 */
package parking.local.runtime.crac;
