package org.fabrique.core.testing;

import java.util.ArrayDeque;
import java.util.Deque;

/** The undo log of the running transaction of a {@link MemoryStore}. */
final class Journal {
  private final Deque<Runnable> undo = new ArrayDeque<>();
  private boolean open;

  void begin() {
    undo.clear();
    open = true;
  }

  void record(Runnable inverse) {
    if (!open) {
      throw new IllegalStateException("Memory store written outside a transaction");
    }
    undo.push(inverse);
  }

  void commit() {
    undo.clear();
    open = false;
  }

  void rollback() {
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
    open = false;
  }
}
