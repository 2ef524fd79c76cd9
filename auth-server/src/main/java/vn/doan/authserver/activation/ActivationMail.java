package vn.doan.authserver.activation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import vn.doan.authserver.AuthProperties;

/**
 * The email that carries a one-time activation link, in Vietnamese. Sent when a mail server is configured
 * ({@code spring.mail.host}); a failed sending is logged, and the administrator resets the user to send a new link.
 */
@Component
class ActivationMail {

    private static final Logger log = LoggerFactory.getLogger(ActivationMail.class);
    private final ObjectProvider<JavaMailSender> sender;
    private final AuthProperties properties;

    ActivationMail(ObjectProvider<JavaMailSender> sender, AuthProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    void send(String to, String displayName, String username, String link, long validHours) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            log.warn("No mail server configured (spring.mail.host): no activation link sent to user {}", username);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject("Kích hoạt tài khoản " + username + " — Hệ thống báo cáo công tác Đoàn");
        message.setText("Chào " + displayName + ",\n\n"
                + "Tài khoản của bạn trên hệ thống báo cáo công tác Đoàn đã được tạo. Tên đăng nhập: " + username + "\n\n"
                + "Để đặt mật khẩu và kích hoạt tài khoản, hãy mở đường dẫn sau (dùng được một lần, trong vòng " + validHours + " giờ):\n"
                + link + "\n\n"
                + "Nếu bạn không chờ thư này, hãy bỏ qua nó.\n");
        try {
            mail.send(message);
        } catch (MailException e) {
            log.error("Activation mail to user {} not sent: {}", username, e.getMessage());
        }
    }
}
