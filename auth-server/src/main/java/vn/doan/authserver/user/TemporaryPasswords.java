package vn.doan.authserver.user;

import java.security.SecureRandom;

/**
 * Temporary passwords an administrator reads out or writes down: 12 characters in three groups, from letters and
 * digits that cannot be mistaken for one another (no 0/O, 1/l/I), about 68 bits.
 */
final class TemporaryPasswords {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    static String generate() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
