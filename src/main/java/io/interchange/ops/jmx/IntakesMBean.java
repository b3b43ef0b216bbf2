package io.interchange.ops.jmx;

/** {@code io.interchange:type=Intakes}: partners and sources, and suspending or resuming one. */
public interface IntakesMBean {

    /** One line per intake: id, kind, running or suspended, documents so far. */
    String[] getIntakes();

    String[] getSuspended();

    String suspend(String id, String reason);

    String resume(String id);
}
