package io.redux.testkit.mcp;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Stands before the SDK's servlet: records each request's headers, shows each posted message to the
 * {@link McpStubWire} and misbehaves where it says so.
 */
final class McpStubHttpRecorder implements Filter {

    private final McpStubWire wire;
    private final List<Map<String, String>> requestHeaders = Collections.synchronizedList(new ArrayList<>());

    McpStubHttpRecorder(McpStubWire wire) {
        this.wire = wire;
    }

    List<Map<String, String>> requestHeaders() {
        synchronized (requestHeaders) {
            return List.copyOf(requestHeaders);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        requestHeaders.add(headers(http));
        if (!"POST".equals(http.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = http.getInputStream().readAllBytes();
        switch (wire.inspect(new String(body, StandardCharsets.UTF_8))) {
            case SWALLOW:
                AsyncContext never = request.startAsync();
                never.setTimeout(0);
                return;
            case DROP:
                ServletContextRequest.getServletContextRequest(request).getConnectionMetaData().getConnection()
                        .getEndPoint().close();
                return;
            case GARBAGE:
                HttpServletResponse answer = (HttpServletResponse) response;
                answer.setStatus(200);
                answer.setContentType("application/json");
                answer.getOutputStream().write(McpStubWire.GARBAGE.getBytes(StandardCharsets.UTF_8));
                return;
            default:
                chain.doFilter(new ReadAgain(http, body), response);
        }
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, String.join(", ", Collections.list(request.getHeaders(name))));
        }
        return Collections.unmodifiableMap(headers);
    }

    /** The request with its body, already read here, readable again by the SDK. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the MCP stub reads requests blocking");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
