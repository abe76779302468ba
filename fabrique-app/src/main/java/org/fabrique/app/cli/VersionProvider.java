package org.fabrique.app.cli;

import java.util.Optional;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version =
        Optional.ofNullable(FabriqueCommand.class.getPackage().getImplementationVersion())
            .orElse("development");
    return new String[] {"Fabrique " + version};
  }
}
