package org.fabrique.app;

import org.fabrique.app.cli.FabriqueCommand;

/** The entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(FabriqueCommand.run(args, System.out, System.err));
  }
}
