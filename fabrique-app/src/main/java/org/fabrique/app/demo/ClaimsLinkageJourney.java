package org.fabrique.app.demo;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.KnownBy;

/**
 * The demo case "Horizon and national claims linkage request": an indirect linkage of the cohort
 * with the national claims by a trusted third party, proposed and waiting for an authorisation. The
 * third party also pseudonymised the Horizon extract of the other case. Evidence and roles are in
 * {@code claims-linkage.journey.tsv}.
 */
final class ClaimsLinkageJourney {
  private final JourneyWriter write;

  ClaimsLinkageJourney(JourneyWriter write) {
    this.write = write;
  }

  void write() {
    write.actor("Trusted third party", ActorType.ORGANISATION, "other", "");
    DataObject claims =
        write.object(
            "National claims (SNDS) extract", DataObjectType.SOURCE_DATABASE, "pseudonymised");
    DataObject cohort =
        write.object("Horizon participants for linkage", DataObjectType.DATASET, "identifying");
    DataObject linked =
        write.object(
            "Cohort linked with claims (requested)", DataObjectType.DATASET, "pseudonymised");
    Intervention indirect =
        write.intervention(
            "Indirect linkage by the trusted third party",
            "linkage",
            List.of(cohort, claims),
            linked,
            Optional.empty(),
            KnownBy.DECLARED);
    write.create(
        Choice.of(
            write.header("Ask the CNIL for an authorisation to link with the SNDS?"),
            Set.of(Dimension.REGULATION, Dimension.NATURE),
            List.of(indirect.id())));
    write.evidenceAndRoles("claims-linkage.journey.tsv");
  }
}
