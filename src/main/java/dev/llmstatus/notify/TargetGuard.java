package dev.llmstatus.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Keeps webhook, Slack and Discord deliveries off our own network: a target must be an https URL whose host resolves
 * only to public addresses (no loopback, private, carrier-grade NAT, link-local, cloud metadata, multicast or
 * documentation ranges). Checked when subscribing and again before every attempt, since DNS can change in between;
 * redirects are never followed. {@code llmstatus.notify.allow-private-targets} turns all of this off for tests and
 * closed networks.
 */
@Component
class TargetGuard {

    private final boolean allowPrivate;

    TargetGuard(NotifyProperties properties) {
        this.allowPrivate = properties.allowPrivateTargets();
    }

    /**
     * Checks the URL's form, without looking anything up.
     *
     * @throws Refused saying what is wrong, in words fit for the subscriber
     */
    URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        }
        catch (URISyntaxException ex) {
            throw new Refused("Enter a full URL, like https://example.com/hooks/llmstatus.");
        }
        String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("https") && !(this.allowPrivate && scheme.equals("http"))) {
            throw new Refused("Use an https:// URL.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("Enter a full URL with a host name, like https://example.com/hooks/llmstatus.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("Leave user names and passwords out of the URL; we sign each request instead.");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("Leave the #fragment out of the URL.");
        }
        return uri;
    }

    /**
     * Resolves the host and refuses it unless every address is public. Blocks on DNS: call it off the request path
     * of other deliveries.
     *
     * @throws Refused when the host does not resolve or resolves to a non-public address
     */
    void checkAddresses(URI uri) {
        if (this.allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        }
        catch (UnknownHostException ex) {
            throw new Refused("The host name does not resolve.");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new Refused("The URL points to a private or reserved address; use a public https endpoint.");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(bytes);
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xFF;
            if ((first & 0xFE) == 0xFC) {
                return false; // fc00::/7 unique local (fd00:ec2::254 is a metadata address)
            }
            if (first == 0x20 && (bytes[1] & 0xFF) == 0x01 && (bytes[2] & 0xFF) == 0x0D && (bytes[3] & 0xFF) == 0xB8) {
                return false; // 2001:db8::/32 documentation
            }
            if (prefixZero(bytes, 10) && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF) {
                return isPublicV4(tail(bytes)); // ::ffff:a.b.c.d, an IPv4 address in disguise
            }
            if (prefixZero(bytes, 12)) {
                return false; // ::/96, IPv4-compatible and unspecified
            }
            if ((bytes[0] & 0xFF) == 0x00 && (bytes[1] & 0xFF) == 0x64 && (bytes[2] & 0xFF) == 0xFF
                    && (bytes[3] & 0xFF) == 0x9B) {
                return isPublicV4(tail(bytes)); // 64:ff9b::/96 NAT64
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        int third = b[2] & 0xFF;
        return !(a == 0 || a == 10 || a == 127 || a >= 224
                || (a == 100 && second >= 64 && second <= 127) // carrier-grade NAT, Alibaba's metadata service
                || (a == 169 && second == 254) // link-local, the cloud metadata services
                || (a == 172 && second >= 16 && second <= 31) || (a == 192 && second == 168)
                || (a == 192 && second == 0 && (third == 0 || third == 2)) || (a == 198 && (second == 18 || second == 19))
                || (a == 198 && second == 51 && third == 100) || (a == 203 && second == 0 && third == 113));
    }

    private static boolean prefixZero(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] bytes) {
        return new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] };
    }

    /** A target we will not send to; the message is meant for the subscriber. */
    static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message, null, false, false);
        }

    }

}
