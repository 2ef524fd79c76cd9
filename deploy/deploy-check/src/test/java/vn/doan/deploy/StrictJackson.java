package vn.doan.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * A Jackson 2 reader for the model classes of Kubernetes (fabric8) and Keycloak that refuses every field the class does
 * not have. Those classes keep unknown fields aside (a Jackson "any setter"); this reader ignores any setters, so
 * FAIL_ON_UNKNOWN_PROPERTIES applies at every depth.
 */
final class StrictJackson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            });

    private StrictJackson() {
    }
}
