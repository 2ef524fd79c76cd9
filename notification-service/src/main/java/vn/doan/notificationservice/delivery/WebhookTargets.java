package vn.doan.notificationservice.delivery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where webhooks may go ({@code doan.notifications.webhook.*}): https to public addresses only, so that nobody makes this
 * service call the cloud's metadata address, the authorisation server or anything else inside the network. Every address
 * a name resolves to must be public: not loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (169.254/16, fe80::/10), unspecified (0.0.0.0, ::), shared (100.64/10), multicast or reserved — also when written as an
 * IPv4 address inside an IPv6 one. {@code allowed-hosts} (default none) names hosts, exactly as in the URL, that are
 * trusted as they are, over http or https and on any address: local receivers in tests, an office's own server on-prem.
 */
@ConfigurationProperties("doan.notifications.webhook")
public record WebhookTargets(List<String> allowedHosts) {

    public WebhookTargets {
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** Why {@code url} may not be registered as a webhook, or null if it may. A name that does not resolve now passes: delivery checks again. */
    public String refusal(String url) {
        try {
            return refusal(url, false);
        } catch (UnknownHostException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /** Why a delivery may not go to {@code url} now, or null; a name that does not resolve throws (tried again later). */
    String refusalBeforeSending(String url) throws UnknownHostException {
        return refusal(url, true);
    }

    private String refusal(String url, boolean mustResolve) throws UnknownHostException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !List.of("http", "https").contains(scheme)) {
            return "not an http(s) URL with a host";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return null;
        }
        if (!scheme.equals("https")) {
            return "webhooks go over https";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            if (mustResolve) {
                throw e;
            }
            return null;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return host + " is " + address.getHostAddress() + ", not a public address";
            }
        }
        return null;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7, unique local
            }
            if (zero(b, 0, 10) && (zero(b, 10, 12) || (b[10] & b[11] & 0xff) == 0xff)) {
                return isPublic(v4(b, 12)); // ::a.b.c.d and ::ffff:a.b.c.d
            }
            if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
                return isPublic(v4(b, 12)); // 64:ff9b::/96, NAT64
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return isPublic(v4(b, 2)); // 2002::/16, 6to4
            }
            return true;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 0 || first == 100 && (second & 0xc0) == 64 || first == 192 && second == 0 && b[2] == 0
                || first == 198 && (second & 0xfe) == 18 || first >= 224);
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] bytes, int from) {
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, from, from + 4));
        } catch (UnknownHostException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }
}
