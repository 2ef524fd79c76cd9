package vn.doan.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.AbstractClientHttpRequestFactoryWrapper;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * The client the routes call the services with: Boot's, built from its settings, except that a service's answer closed
 * before its end is not read to its end first. The gateway closes the answer when its caller has gone (a closed tab, a
 * phone out of coverage); Spring's clients then read the rest, to reuse the connection, and a live stream (the inbox's
 * Server-Sent Events) has no end: the request thread and a connection to the service were held until the service ended
 * the stream, and a gateway stopping waited for it. Closing the body first ends the exchange and drops the connection.
 */
@Configuration(proxyBeanMethods = false)
class ProxyClient {

    @Bean
    ClientHttpRequestFactory clientHttpRequestFactory(ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings) {
        return new NotDraining(builder.build(settings));
    }

    static final class NotDraining extends AbstractClientHttpRequestFactoryWrapper {

        NotDraining(ClientHttpRequestFactory delegate) {
            super(delegate);
        }

        @Override
        protected ClientHttpRequest createRequest(URI uri, HttpMethod method, ClientHttpRequestFactory delegate) throws IOException {
            return new Request(delegate.createRequest(uri, method));
        }
    }

    /** The service's request as the delegate makes it; a streamed body stays streamed. */
    private static final class Request extends HttpRequestWrapper implements ClientHttpRequest, StreamingHttpOutputMessage {

        private final ClientHttpRequest delegate;

        Request(ClientHttpRequest delegate) {
            super(delegate);
            this.delegate = delegate;
        }

        @Override
        public ClientHttpResponse execute() throws IOException {
            return new Response(delegate.execute());
        }

        @Override
        public void setBody(Body body) {
            if (delegate instanceof StreamingHttpOutputMessage streaming) {
                streaming.setBody(body);
                return;
            }
            try {
                body.writeTo(delegate.getBody());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public OutputStream getBody() throws IOException {
            return delegate.getBody();
        }
    }

    private record Response(ClientHttpResponse delegate) implements ClientHttpResponse {

        /** Closes the body, so that the delegate's close has nothing left to read, then lets it release what it holds. */
        @Override
        public void close() {
            try {
                delegate.getBody().close();
            } catch (IOException alreadyGone) {
                // the connection is closed either way
            } finally {
                delegate.close();
            }
        }

        @Override
        public InputStream getBody() throws IOException {
            return delegate.getBody();
        }

        @Override
        public HttpHeaders getHeaders() {
            return delegate.getHeaders();
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return delegate.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return delegate.getStatusText();
        }
    }
}
