package dev.llmstatus.report;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Tells reporters apart without knowing who they are: finds the client's address (trusting {@code X-Forwarded-For}
 * only from the configured proxies) and turns it at once into an HMAC-SHA256 under the current UTC day's salt. The
 * address itself goes no further than this class: it is neither stored nor logged.
 */
@Component
class Reporters {

    private static final String HMAC = "HmacSHA256";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Block> trusted;

    private final byte[] secret;

    private final SecureRandom random = new SecureRandom();

    private final AtomicReference<DaySalt> salt = new AtomicReference<>();

    Reporters(ReportProperties properties) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : properties.trustedProxies()) {
            blocks.add(Block.parse(entry));
        }
        this.trusted = List.copyOf(blocks);
        this.secret = (properties.secret() != null && !properties.secret().isBlank())
                ? properties.secret().getBytes(StandardCharsets.UTF_8) : null;
    }

    /** The reporter's hash for the day of {@code now}. */
    String identify(String remoteAddress, String forwardedFor, Instant now) {
        return hash(clientAddress(remoteAddress, forwardedFor), now);
    }

    /**
     * The client's address: the direct peer, unless that is a trusted proxy; then the right-most entry of
     * {@code X-Forwarded-For} that is not a trusted proxy (entries further left are the client's own claims).
     */
    String clientAddress(String remoteAddress, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(remoteAddress)) {
            return canonical(remoteAddress);
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && (i == 0 || !isTrusted(hop))) {
                return canonical(hop);
            }
        }
        return canonical(remoteAddress);
    }

    String hash(String address, Instant now) {
        return HexFormat.of().formatHex(hmac(salt(now), address));
    }

    private boolean isTrusted(String address) {
        if (this.trusted.isEmpty()) {
            return false;
        }
        InetAddress parsed = literal(address);
        return parsed != null && this.trusted.stream().anyMatch((block) -> block.contains(parsed));
    }

    private byte[] salt(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        DaySalt current = this.salt.get();
        if (current != null && current.day().equals(day)) {
            return current.salt();
        }
        byte[] fresh;
        if (this.secret != null) {
            fresh = hmac(this.secret, "llmstatus-report-salt:" + day);
        }
        else {
            fresh = new byte[32];
            this.random.nextBytes(fresh);
        }
        DaySalt next = new DaySalt(day, fresh);
        // Two threads crossing midnight together must agree on one salt.
        return this.salt.compareAndSet(current, next) ? fresh : salt(now);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
        }
    }

    /** One spelling per address, so that "::1" and "0:0:0:0:0:0:0:1" are the same person. */
    private static String canonical(String address) {
        InetAddress parsed = literal(address);
        if (parsed != null) {
            return parsed.getHostAddress();
        }
        return (address.length() > 100) ? address.substring(0, 100) : address;
    }

    /** Parses an IP literal without ever asking DNS; {@code null} for anything else. */
    static InetAddress literal(String text) {
        String value = text.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            var ipv4 = IPV4.matcher(value);
            if (ipv4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(ipv4.group(i + 1));
                    if (octet > 255) {
                        return null;
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            // A string with a colon is only ever read as an IPv6 literal, never looked up.
            return IPV6.matcher(value).matches() ? InetAddress.getByName(value) : null;
        }
        catch (UnknownHostException ex) {
            return null;
        }
    }

    private record DaySalt(LocalDate day, byte[] salt) {
    }

    /** An address block: an address and how many leading bits must match. */
    record Block(byte[] network, int prefix) {

        static Block parse(String entry) {
            String[] parts = entry.trim().split("/", 2);
            InetAddress address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException(
                        "llmstatus.reports.trusted-proxies: '" + entry + "' is not an IP address or CIDR block");
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1].trim());
                }
                catch (NumberFormatException ex) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException(
                            "llmstatus.reports.trusted-proxies: '" + entry + "' has an invalid prefix length");
                }
            }
            return new Block(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != this.network.length) {
                return false;
            }
            int full = this.prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != this.network[i]) {
                    return false;
                }
            }
            int rest = this.prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[full] & mask) == (this.network[full] & mask);
        }

    }

}
