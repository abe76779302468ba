package org.fabrique.app.cli;

import java.util.concurrent.Callable;
import org.fabrique.app.Workbench;
import org.fabrique.core.inquiry.InquiryId;
import picocli.CommandLine.Mixin;

/** A command that works on the store named by the global options. */
abstract class StoreCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Override
  public final Integer call() {
    try (Workbench workbench =
        Workbench.open(
            global.dataDir(),
            global.databaseUrl(),
            global.databaseUser(),
            global.databasePassword(),
            global.maxFileBytes())) {
      return run(workbench);
    }
  }

  /** Does the work; returns the exit code. */
  abstract int run(Workbench workbench);

  /**
   * The inquiry an option names, once it is known to exist: a listing of an inquiry that is not
   * there is refused ("There is no inquiry 7"), never printed empty.
   *
   * @throws org.fabrique.core.error.NotFoundException when there is no such inquiry
   */
  static InquiryId existing(Workbench workbench, long inquiry) {
    return workbench.fabrique().inquiries().get(new InquiryId(inquiry)).id();
  }
}
