package dev.llmstatus.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The result of one check of one component, whatever its kind: the fields every kind fills, plus what only its kind
 * measures.
 *
 * @param provider provider slug
 * @param component component key
 * @param startedAt when the request started
 * @param latency time to the answer (or to the failure)
 * @param httpStatus the status code, or {@code null} when there was no HTTP answer
 * @param outcome the classification
 * @param errorClass where it failed, or {@code null} when it did not
 * @param tls the negotiated TLS protocol, or {@code null} (plain HTTP, or no handshake)
 * @param retryAfter the Retry-After the server sent, as received, or {@code null}
 * @param contentType the response content type, or {@code null}
 * @param signatures known error signatures found in the first 64 KiB of the body
 * @param detail a short human description ("HTTP 503", "connection refused")
 * @param measurements what only this kind of check measures ({@link Measurements#NONE} for the front door)
 * @param measuredUnderLoad whether the prober itself was behind while measuring it (see {@link Check#underLoad}):
 * its latency says as much about us as about the provider
 */
public record ProbeResult(String provider, String component, Instant startedAt, Duration latency, Integer httpStatus,
        Outcome outcome, ErrorClass errorClass, String tls, String retryAfter, String contentType,
        List<String> signatures, String detail, Measurements measurements, boolean measuredUnderLoad) {

    public ProbeResult {
        signatures = (signatures != null) ? List.copyOf(signatures) : List.of();
        measurements = (measurements != null) ? measurements : Measurements.NONE;
    }

    /** A result measured normally. */
    public ProbeResult(String provider, String component, Instant startedAt, Duration latency, Integer httpStatus,
            Outcome outcome, ErrorClass errorClass, String tls, String retryAfter, String contentType,
            List<String> signatures, String detail, Measurements measurements) {
        this(provider, component, startedAt, latency, httpStatus, outcome, errorClass, tls, retryAfter, contentType,
                signatures, detail, measurements, false);
    }

    /** A result with no measurements beyond the common fields. */
    public ProbeResult(String provider, String component, Instant startedAt, Duration latency, Integer httpStatus,
            Outcome outcome, ErrorClass errorClass, String tls, String retryAfter, String contentType,
            List<String> signatures, String detail) {
        this(provider, component, startedAt, latency, httpStatus, outcome, errorClass, tls, retryAfter, contentType,
                signatures, detail, Measurements.NONE);
    }

    /** This result marked as measured under load, with the outcome and words that still hold then. */
    public ProbeResult underLoad(Outcome newOutcome, String newDetail) {
        return new ProbeResult(this.provider, this.component, this.startedAt, this.latency, this.httpStatus,
                newOutcome, this.errorClass, this.tls, this.retryAfter, this.contentType, this.signatures, newDetail,
                this.measurements, true);
    }

    /** True when the probe failed at the network level (DNS, connect), which may be our network, not theirs. */
    public boolean networkFailure() {
        return this.errorClass != null && this.errorClass.network();
    }

}
