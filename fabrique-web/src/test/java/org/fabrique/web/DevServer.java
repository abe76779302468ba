package org.fabrique.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.fabrique.core.Fabrique;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.user.UserId;
import org.fabrique.formats.text.TikaTextExtractor;
import org.fabrique.store.JdbcStore;

/**
 * Runs the web interface on a data directory for development, with a small invented inquiry when
 * the directory is new: {@code java ... org.fabrique.web.DevServer DATA_DIR [PORT]}. Assets are
 * read from the source folder so that CSS and JavaScript changes show at once.
 */
public final class DevServer {
  private DevServer() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args.length > 0 ? args[0] : "target/dev-data");
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 7070;
    JdbcStore store = JdbcStore.openSqlite(dataDir);
    Fabrique fabrique = Fabrique.on(store, new TikaTextExtractor(), Clock.systemUTC());
    if (fabrique.inquiries().list().isEmpty()) {
      seed(fabrique, dataDir);
    }
    WebConfig config = WebConfig.defaults(dataDir);
    Path assets = Path.of("fabrique-web/src/main/resources/org/fabrique/web/static");
    if (Files.isDirectory(assets)) {
      config = config.withDevAssets(assets);
    }
    WebApp.create(fabrique, config).start("127.0.0.1", port);
  }

  /** An invented inquiry: every name and word below is fiction. */
  static void seed(Fabrique fabrique, Path dataDir) throws Exception {
    UserId me = fabrique.users().defaultUser().id();
    Inquiry inquiry =
        fabrique
            .inquiries()
            .create(
                "Réutiliser les données de santé",
                "Comment les entrepôts de données hospitaliers et les cohortes rendent leurs données"
                    + " réutilisables : choix, tensions et arrangements.");
    Case warehouse =
        fabrique
            .inquiries()
            .createCase(
                inquiry.id(),
                me,
                "Entrepôt du CHU de Valmont",
                Domain.HOSPITAL_DATA_WAREHOUSE,
                "Entrepôt de données de santé ouvert aux projets de recherche en 2019.");
    fabrique
        .inquiries()
        .createCase(
            inquiry.id(),
            me,
            "Cohorte Lumen",
            Domain.COHORT,
            "Cohorte de 40 000 adultes suivis depuis 2012.");
    var founded =
        fabrique
            .attributes()
            .define(
                inquiry.id(),
                me,
                "Année d'ouverture",
                AttributeType.INTEGER,
                AttributeScope.CASE,
                "");
    fabrique.attributes().setValue(me, founded.id(), warehouse.id().value(), "2019");
    fabrique
        .attributes()
        .define(
            inquiry.id(),
            me,
            "Enregistré",
            AttributeType.BOOLEAN,
            AttributeScope.SOURCE,
            "L'entretien a été enregistré");

    Code governance =
        fabrique
            .coding()
            .createCode(
                inquiry.id(),
                me,
                CodingService.NewCode.named("Gouvernance").groupingOnly().coloured("#56b4e9"));
    Code committee =
        fabrique
            .coding()
            .createCode(
                inquiry.id(),
                me,
                CodingService.NewCode.named("Comité d'accès")
                    .under(governance.id())
                    .coloured("#0072b2"));
    Code consent =
        fabrique
            .coding()
            .createCode(
                inquiry.id(),
                me,
                CodingService.NewCode.named("Consentement")
                    .under(governance.id())
                    .coloured("#009e73"));
    Code pseudo =
        fabrique
            .coding()
            .createCode(
                inquiry.id(),
                me,
                CodingService.NewCode.named("Pseudonymisation")
                    .coloured("#e69f00")
                    .describedAs("Remplacement des identifiants directs"));
    Code tension =
        fabrique
            .coding()
            .createCode(
                inquiry.id(),
                me,
                CodingService.NewCode.named("Tension utilité / confidentialité")
                    .coloured("#cc79a7"));

    Path file = Files.createTempFile("entretien", ".txt");
    Files.writeString(
        file,
        """
        [00:00:12] Enquêtrice : Pouvez-vous me raconter comment un projet accède à l'entrepôt ?

        [00:00:20] Responsable : Le porteur dépose un dossier, puis le comité d'accès se réunit chaque mois. \
        On regarde la finalité, la méthodologie de référence, et surtout si les patients ont été informés. \
        Quand l'information n'a pas été faite, on demande une note d'information spécifique 📄.

        [00:01:05] Enquêtrice : Et les données elles-mêmes, comment sont-elles préparées ?

        [00:01:12] Responsable : Les identifiants directs sont remplacés par un pseudonyme, le NIP est haché avec un sel \
        propre à chaque projet. Les dates sont décalées, sauf quand le projet en a vraiment besoin ; là, on discute. \
        Les statisticiens voudraient garder les dates exactes, le délégué à la protection des données préfère \
        les décaler : on tranche au cas par cas.

        [00:02:30] Enquêtrice : Qui tranche, concrètement ?

        [00:02:34] Responsable : Le comité, avec l'avis du DPO. Parfois on revient vers le porteur pour réduire \
        le périmètre des variables.
        """);
    Source interview =
        fabrique
            .corpus()
            .importFile(
                inquiry.id(),
                me,
                new ImportRequest(
                    "entretien-responsable-entrepot.txt",
                    file,
                    Optional.of("Entretien avec la responsable de l'entrepôt"),
                    Optional.of(SourceKind.INTERVIEW),
                    Optional.of(LocalDate.of(2024, 3, 18)),
                    Optional.of("fr"),
                    Optional.of(warehouse.id()),
                    Confidentiality.CONFIDENTIAL));
    Files.writeString(
        file,
        "Réunion du comité d'accès, 4 avril.\n\nSept dossiers examinés. Deux refus pour finalité trop large.\n");
    fabrique
        .corpus()
        .importFile(
            inquiry.id(),
            me,
            new ImportRequest(
                "notes-comite.txt",
                file,
                Optional.of("Notes de terrain : comité d'accès"),
                Optional.of(SourceKind.FIELD_NOTE),
                Optional.of(LocalDate.of(2024, 4, 4)),
                Optional.of("fr"),
                Optional.of(warehouse.id()),
                Confidentiality.INTERNAL));
    Files.delete(file);

    String text = fabrique.corpus().text(interview.id()).text();
    code(fabrique, me, interview, text, "le comité d'accès se réunit chaque mois", committee);
    code(fabrique, me, interview, text, "si les patients ont été informés", consent);
    code(
        fabrique,
        me,
        interview,
        text,
        "Les identifiants directs sont remplacés par un pseudonyme",
        pseudo);
    code(fabrique, me, interview, text, "le NIP est haché avec un sel", pseudo);
    code(
        fabrique,
        me,
        interview,
        text,
        "Les statisticiens voudraient garder les dates exactes, le délégué à la protection des données préfère les décaler : on tranche au cas par cas",
        tension);
    code(fabrique, me, interview, text, "on tranche au cas par cas", committee);
    fabrique
        .memos()
        .write(
            inquiry.id(),
            me,
            new ItemRef(ItemKind.INQUIRY, inquiry.id().value()),
            "Piste",
            "Comparer la place du DPO dans les arbitrages entre l'entrepôt et la cohorte.");
  }

  private static void code(
      Fabrique fabrique, UserId me, Source source, String text, String passage, Code code) {
    var plain = fabrique.corpus().text(source.id());
    int at = text.indexOf(passage);
    if (at < 0) {
      throw new IllegalStateException("passage not found");
    }
    fabrique
        .coding()
        .code(
            me,
            source.id(),
            plain.toCodePoint(at),
            plain.toCodePoint(at + passage.length()),
            code.id());
  }
}
