package vn.doan.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import vn.doan.web.Problem;

/**
 * {@code /api/users/**}, the users of the units, goes to the local auth-server's users API when
 * {@code doan.gateway.users-api-url} ({@code AUTH_SERVER_URL}) is set. A deployment whose users live in an external OIDC
 * provider (Keycloak) leaves it unset, and the gateway answers 404 problem+json itself — what the web console reads as
 * "users are managed in the provider" — instead of a 5xx from a route to a server that is not there.
 */
@Configuration
class UsersRoute {

    static final Problem MANAGED_ELSEWHERE = new Problem(404, "Not Found", "users.managed-elsewhere",
            "This deployment has no users API: its users are managed in its identity provider.",
            "Hệ thống này không quản lý tài khoản người dùng: tài khoản được quản lý tại nhà cung cấp đăng nhập (ví dụ Keycloak).");

    @Bean
    RouterFunction<ServerResponse> usersApi(GatewayProperties properties) {
        String url = properties.usersApiUrl();
        if (url == null || url.isBlank()) {
            return route("users-managed-elsewhere").route(path("/api/users/**"), request -> ServerResponse.status(404).build((req, res) -> {
                MANAGED_ELSEWHERE.writeTo(res);
                return null;
            })).build();
        }
        return route("auth-server-users").route(path("/api/users/**"), http()).before(uri(url)).build();
    }
}
