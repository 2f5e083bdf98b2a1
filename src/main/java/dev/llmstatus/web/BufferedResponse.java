package dev.llmstatus.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Captures a rendered response in memory so that it can be cached. Errors sent with {@code sendError} pass straight
 * through to the container, which renders the error page itself.
 */
class BufferedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(32 * 1024);

    private ServletOutputStream stream;

    private PrintWriter writer;

    private int status = SC_OK;

    private boolean errorSent;

    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void setStatus(int status) {
        this.status = status;
        super.setStatus(status);
    }

    @Override
    public void sendError(int status) throws IOException {
        this.errorSent = true;
        this.status = status;
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        this.errorSent = true;
        this.status = status;
        super.sendError(status, message);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        this.errorSent = true;
        this.status = SC_FOUND;
        super.sendRedirect(location);
    }

    @Override
    public int getStatus() {
        return this.status;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (this.stream == null) {
            this.stream = new ServletOutputStream() {

                @Override
                public void write(int b) {
                    BufferedResponse.this.buffer.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    BufferedResponse.this.buffer.write(bytes, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("buffered responses are written synchronously");
                }

            };
        }
        return this.stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (this.writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            this.writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
        }
        return this.writer;
    }

    @Override
    public void flushBuffer() {
        if (this.writer != null) {
            this.writer.flush();
        }
    }

    @Override
    public void setContentLength(int length) {
        // The cache sets the length of what it finally sends.
    }

    @Override
    public void setContentLengthLong(long length) {
        // The cache sets the length of what it finally sends.
    }

    @Override
    public void resetBuffer() {
        this.buffer.reset();
    }

    @Override
    public void reset() {
        super.reset();
        this.buffer.reset();
        this.status = SC_OK;
    }

    boolean passedThrough() {
        return this.errorSent;
    }

    byte[] body() {
        flushBuffer();
        return this.buffer.toByteArray();
    }

}
