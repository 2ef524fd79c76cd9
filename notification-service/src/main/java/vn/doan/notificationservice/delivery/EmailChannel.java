package vn.doan.notificationservice.delivery;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP ({@code spring.mail.*}); absent when no {@code spring.mail.host} is set. The delivery id
 * travels in the header {@code X-Doan-Delivery-Id} so a mailbox can spot the rare repeat after a crash
 * between the server's acceptance and the SENT mark.
 */
@Component
class EmailChannel implements Channel {

    private final JavaMailSender mail;
    private final String from;

    EmailChannel(ObjectProvider<JavaMailSender> mail, @Value("${doan.deliveries.mail-from:thongbao@doan.vn}") String from) {
        this.mail = mail.getIfAvailable();
        this.from = from;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public boolean available() {
        return mail != null;
    }

    @Override
    public void send(Delivery delivery) throws Exception {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(delivery.address());
        helper.setSubject(delivery.subject());
        helper.setText(delivery.body());
        message.setHeader("X-Doan-Delivery-Id", delivery.id());
        mail.send(message);
    }
}
