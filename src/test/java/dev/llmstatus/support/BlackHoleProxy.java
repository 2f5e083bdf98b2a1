package dev.llmstatus.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback in front of a real server, that can turn into a black hole the way a database behind a
 * dead network does: connections are accepted but nothing goes through, and open connections stop moving, with no
 * error and no reset. {@link #restore()} closes the frozen connections and forwards again.
 */
public final class BlackHoleProxy implements AutoCloseable {

    private final ServerSocket server;

    private final InetSocketAddress target;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private volatile boolean blackHole;

    public BlackHoleProxy(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "black-hole-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return this.server.getLocalPort();
    }

    public void blackHole() {
        this.blackHole = true;
    }

    public void restore() {
        this.blackHole = false;
        this.open.forEach(BlackHoleProxy::closeQuietly);
        this.open.clear();
    }

    private void accept() {
        while (!this.server.isClosed()) {
            try {
                Socket client = this.server.accept();
                this.open.add(client);
                if (this.blackHole) {
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(this.target, 5000);
                this.open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            }
            catch (IOException ex) {
                // A closed server ends the loop; a failed upstream connect drops that one client.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    while (this.blackHole && !from.isClosed()) {
                        Thread.sleep(50);
                    }
                    if (from.isClosed()) {
                        return;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
            catch (IOException ex) {
                // One side went away.
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "black-hole-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // Closing anyway.
        }
    }

    @Override
    public void close() throws IOException {
        this.server.close();
        restore();
    }

}
