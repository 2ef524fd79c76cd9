package vn.doan.support.events.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service of one binding for {@code DeadLetterTest}; its consumer is {@link UnitBook}. */
@SpringBootApplication
public class DeadLetterTestApplication {
}
