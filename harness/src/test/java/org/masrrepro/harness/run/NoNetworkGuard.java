package org.masrrepro.harness.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A security manager that refuses and records every connection or host lookup to anything but loopback (and the
 * lookup of this machine's own name), so a test proves the harness opens no outside connection, DJL telemetry
 * included. Everything else is permitted.
 */
@SuppressWarnings("removal")
final class NoNetworkGuard extends SecurityManager {

    final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final String ownName;

    NoNetworkGuard() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName(); // resolved before the guard is installed
        } catch (UnknownHostException e) {
            name = "localhost";
        }
        ownName = name;
    }

    @Override
    public void checkPermission(Permission perm) {
        // allow everything that is not a network connection
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
    }

    @Override
    public void checkConnect(String host, int port) {
        // Port -1 is a name lookup, not a connection: the JDK's font setup looks up this machine's own name.
        boolean ownLookup = port == -1 && host != null && host.equals(ownName);
        if (!ownLookup && !loopback(host)) {
            refused.add(host + ":" + port + " from " + java.util.Arrays.stream(new Throwable().getStackTrace())
                    .skip(2).limit(12).map(Object::toString).toList());
            throw new SecurityException("test forbids network access to " + host + ":" + port);
        }
    }

    @Override
    public void checkConnect(String host, int port, Object context) {
        checkConnect(host, port);
    }

    private static boolean loopback(String host) {
        if (host == null || host.equals("localhost")) {
            return true;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.matches("[0-9.]+") || h.contains(":")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
