package io.interchange.ops.jmx;

import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import io.interchange.ops.admin.AdminLogin;

/**
 * The JAAS entry the JDK's JMX authenticator logs remote JMX users in with ({@code
 * jmx.remote.x.login.config} names it), declared in memory rather than in a login configuration file: the module needs the
 * running {@link AdminLogin}, which no file can name. Every other entry is asked of the JVM's
 * configuration as it was, so a JAAS setup of the deployment keeps working.
 */
final class JmxLoginRealm extends Configuration {

    static final String ENTRY = "interchange-admin-jmx";

    private final Configuration previous;
    private final AppConfigurationEntry[] entry;

    private JmxLoginRealm(Configuration previous, AdminLogin login) {
        this.previous = previous;
        this.entry = new AppConfigurationEntry[] {new AppConfigurationEntry(AdminLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of(AdminLoginModule.LOGIN_OPTION, login))};
    }

    /** Installs the entry for {@code login}; returns what to put back when the connector stops. */
    static Configuration install(AdminLogin login) {
        Configuration previous = current();
        Configuration.setConfiguration(new JmxLoginRealm(
                previous instanceof JmxLoginRealm realm ? realm.previous : previous, login));
        return previous;
    }

    static void restore(Configuration previous) {
        Configuration.setConfiguration(previous);
    }

    @Override
    public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
        if (ENTRY.equals(name)) {
            return entry.clone();
        }
        return previous == null ? null : previous.getAppConfigurationEntry(name);
    }

    /** The JVM's configuration; none when no login configuration file is set up (the JDK then throws). */
    private static Configuration current() {
        try {
            return Configuration.getConfiguration();
        } catch (SecurityException noConfigurationFile) {
            return null;
        }
    }
}
