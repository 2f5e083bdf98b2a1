package dev.llmstatus.probe;

/**
 * Where a failed probe failed.
 */
public enum ErrorClass {

    DNS, CONNECT, TLS, TIMEOUT, HTTP_4XX, HTTP_5XX, BODY;

    /** Failures that say more about our own network than about the target. */
    public boolean network() {
        return this == DNS || this == CONNECT;
    }

}
