package org.fabrique.core.user;

/**
 * Hashes passwords for storage and checks a password against a stored hash. The implementation is a
 * well-kept library (Argon2id); this port keeps core free of it.
 */
public interface PasswordHasher {
  /** A self-describing hash (algorithm, parameters, salt) of the password. */
  String hash(String password);

  /** Whether the password matches the stored hash; a hash it cannot read matches nothing. */
  boolean verify(String password, String hash);

  /** A hasher for setups without accounts: every use fails with a message saying so. */
  static PasswordHasher unavailable() {
    return new PasswordHasher() {
      @Override
      public String hash(String password) {
        throw new UnsupportedOperationException("Passwords are not available in this setup");
      }

      @Override
      public boolean verify(String password, String hash) {
        return false;
      }
    };
  }
}
