package dev.llmstatus.probe;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most the first {@code limit} bytes of a body, then cancels the subscription so that the rest is never
 * downloaded. {@link #abort()} cancels it from outside, which is how a total deadline stops a body that trickles in.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Bytes> {

    /**
     * What was read.
     *
     * @param bytes at most the limit
     * @param truncated whether the body went on past the limit
     */
    record Bytes(byte[] bytes, boolean truncated) {
    }

    private final int limit;

    private final CompletableFuture<Bytes> result = new CompletableFuture<>();

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private final AbortableSubscription subscription = new AbortableSubscription();

    private volatile ResponseInfo info;

    CappedBody(int limit) {
        this.limit = limit;
    }

    /** A body handler that remembers the status and headers before the body arrives. */
    static HttpResponse.BodyHandler<Bytes> handler(CappedBody body) {
        return (info) -> {
            body.info = info;
            return body;
        };
    }

    /** The status line and headers, once they have arrived, else {@code null}. */
    ResponseInfo info() {
        return this.info;
    }

    void abort() {
        this.subscription.abort();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription.start(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        synchronized (this.buffer) {
            for (ByteBuffer item : items) {
                int room = this.limit - this.buffer.size();
                int take = Math.min(room, item.remaining());
                byte[] chunk = new byte[take];
                item.get(chunk);
                this.buffer.write(chunk, 0, take);
                if (item.hasRemaining()) {
                    this.subscription.cancel();
                    this.result.complete(new Bytes(this.buffer.toByteArray(), true));
                    return;
                }
            }
        }
        this.subscription.next();
    }

    @Override
    public void onError(Throwable throwable) {
        this.result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        synchronized (this.buffer) {
            this.result.complete(new Bytes(this.buffer.toByteArray(), false));
        }
    }

    @Override
    public CompletionStage<Bytes> getBody() {
        return this.result;
    }

}
