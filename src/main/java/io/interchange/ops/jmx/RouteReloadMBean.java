package io.interchange.ops.jmx;

/** {@code io.interchange:type=RouteReload}: refused route and mapping changes and the latest applied ones. */
public interface RouteReloadMBean {

    boolean isEnabled();

    String getLastCheck();

    /** {@code file:line: reason} for each change that is refused (the running version serves). */
    String[] getRefusedChanges();

    /** The latest recorded changes: time, outcome, file, checksum. */
    String[] getRecentChanges();

    /** Looks at the files now; answers how many changes are refused afterwards. */
    String checkNow() throws Exception;
}
