package vn.doan.notificationservice.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which webhook targets pass, address by address (literal addresses: no name service needed). */
class WebhookTargetsTest {

    private final WebhookTargets none = new WebhookTargets(null);

    @Test
    void addressesInsideTheNetworkOrSpecialAreNotPublic() throws Exception {
        for (String inside : List.of("127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10", "169.254.169.254",
                "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.254", "192.0.0.170", "198.18.0.1", "224.0.0.251", "240.0.0.1",
                "255.255.255.255", "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::127.0.0.1", "::ffff:10.0.0.1",
                "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2002:c0a8:101::1")) {
            assertThat(WebhookTargets.isPublic(InetAddress.getByName(inside))).as(inside).isFalse();
        }
        for (String outside : List.of("203.162.4.191", "8.8.8.8", "172.32.0.1", "100.128.0.1", "11.0.0.1", "2001:4860:4860::8888",
                "64:ff9b::808:808", "2002:808:808::1")) {
            assertThat(WebhookTargets.isPublic(InetAddress.getByName(outside))).as(outside).isTrue();
        }
    }

    @Test
    void onlyHttpsToPublicAddressesUnlessTheHostIsAllowed() {
        assertThat(none.refusal("https://203.162.4.191/hooks/doan")).isNull();
        assertThat(none.refusal("http://203.162.4.191/hooks/doan")).isEqualTo("webhooks go over https");
        assertThat(none.refusal("https://169.254.169.254/latest/meta-data")).isEqualTo("169.254.169.254 is 169.254.169.254, not a public address");
        assertThat(none.refusal("https://[::1]:8443/")).isEqualTo("[::1] is 0:0:0:0:0:0:0:1, not a public address");
        assertThat(none.refusal("gopher://203.162.4.191/")).isEqualTo("not an http(s) URL with a host");
        assertThat(none.refusal("https:///hooks")).isEqualTo("not an http(s) URL with a host");
        assertThat(none.refusal("https://203.162.4.191/ hooks")).isEqualTo("not a URL");

        WebhookTargets onPrem = new WebhookTargets(List.of("127.0.0.1", " Hooks.ThoXuan.Local "));
        assertThat(onPrem.refusal("http://127.0.0.1:8089/hooks")).isNull();
        assertThat(onPrem.refusal("http://hooks.thoxuan.local/doan")).isNull();
        assertThat(onPrem.refusal("https://127.0.0.2/hooks")).isEqualTo("127.0.0.2 is 127.0.0.2, not a public address");
    }
}
