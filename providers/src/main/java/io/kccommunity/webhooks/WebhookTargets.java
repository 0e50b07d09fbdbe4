package io.kccommunity.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a webhook may send: https URLs whose host resolves to public addresses only. Hosts the operator
 * lists in {@code webhook-allowed-hosts} may also use http and loopback or private addresses. So an admin
 * of one realm cannot make the server call into its own network (cloud metadata at 169.254.169.254, a
 * database port on localhost). Checked when a webhook is saved and again before every attempt, as names
 * may resolve differently later; redirects are never followed.
 */
final class WebhookTargets {

    static final int MAX_URL = 2000;

    private final WebhookSettings settings;

    WebhookTargets(WebhookSettings settings) {
        this.settings = settings;
    }

    /** Why {@code url} is not a place we send to (a sentence's end after "url"), or null when it is. */
    String problem(String url) {
        if (url.length() > MAX_URL) {
            return "must be at most " + MAX_URL + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be an absolute https URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "must be an absolute https URL";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry a user name or password";
        }
        if (uri.getRawFragment() != null) {
            return "must not have a fragment";
        }
        boolean allowed = settings.allowedHosts().contains(host.toLowerCase(Locale.ROOT));
        if (!allowed && !scheme.equals("https")) {
            return "must use https (plain http only to hosts the server's webhook-allowed-hosts option lists)";
        }
        return allowed ? null : refusedAddress(host);
    }

    /** The problem with where {@code host} resolves to now; null when all its addresses are public or it does not resolve (yet). */
    private static String refusedAddress(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException notYet) {
            return null;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return "must not lead to a loopback, private or link-local address (" + address.getHostAddress()
                        + "); the server's webhook-allowed-hosts option can allow a host";
            }
        }
        return null;
    }

    /** As {@link #problem}, but an unresolvable host is a problem too (at delivery time). */
    String problemNow(String url) {
        String problem = problem(url);
        if (problem != null) {
            return problem;
        }
        String host = URI.create(url).getHost();
        if (settings.allowedHosts().contains(host.toLowerCase(Locale.ROOT))) {
            return null;
        }
        try {
            InetAddress.getAllByName(host);
            return null;
        } catch (UnknownHostException e) {
            return "host " + host + " does not resolve";
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && first < 224;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }
}
