package org.fabrique.app.cli;

import org.fabrique.app.Workbench;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportProfiles;
import org.fabrique.core.redaction.ExportScope;
import picocli.CommandLine.Option;

/** The {@code --profile} option of every command that writes material out of Fabrique. */
final class ProfileOption {
  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description =
          "Redaction profile: internal (as stored), team (accepted pseudonyms applied, secret"
              + " sources left out) or public (every accepted redaction applied, confidential and"
              + " secret sources left out); default team. What was redacted and left out is said"
              + " in the report beside the file.")
  String name;

  /** The profile chosen, through the one rule of who may use which. */
  ExportProfile profile() {
    return ExportProfiles.choose(name);
  }

  /** What an export of the inquiry may carry under the chosen profile. */
  ExportScope scope(Workbench workbench, InquiryId inquiry) {
    return workbench.fabrique().redactions().scope(inquiry, profile());
  }
}
