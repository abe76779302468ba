package org.fabrique.store.user;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.fabrique.core.user.PasswordHasher;

/**
 * Argon2id through password4j, with OWASP's recommended parameters (19 MiB, two passes, one lane).
 * Hashes are stored in the PHC string format, which carries their parameters and salt, so that a
 * hash made with other parameters is still checked with its own.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int OUTPUT_BYTES = 32;
  private static final int SALT_BYTES = 16;

  private final int memoryKib;
  private final int iterations;

  /** Made on the first hash: password4j's start reads its settings and seeds a random source. */
  private volatile Argon2Function function;

  /** The hasher with OWASP's parameters. */
  public Argon2PasswordHasher() {
    this(MEMORY_KIB, ITERATIONS);
  }

  private Argon2PasswordHasher(int memoryKib, int iterations) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
  }

  private Argon2Function function() {
    Argon2Function made = function;
    if (made == null) {
      made =
          Argon2Function.getInstance(memoryKib, iterations, PARALLELISM, OUTPUT_BYTES, Argon2.ID);
      function = made;
    }
    return made;
  }

  /**
   * A hasher with the least cost Argon2id allows, for tests that make many accounts: its hashes
   * carry their parameters and are checked by any hasher, but must never protect real passwords.
   */
  public static Argon2PasswordHasher cheapForTests() {
    return new Argon2PasswordHasher(64, 1);
  }

  @Override
  public String hash(String password) {
    return Password.hash(password).addRandomSalt(SALT_BYTES).with(function()).getResult();
  }

  @Override
  public boolean verify(String password, String hash) {
    if (hash == null || !hash.startsWith("$argon2id$")) {
      return false;
    }
    try {
      return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    } catch (RuntimeException e) {
      // A stored hash that cannot be read matches no password.
      return false;
    }
  }
}
