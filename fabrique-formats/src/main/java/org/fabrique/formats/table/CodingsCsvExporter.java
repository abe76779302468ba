package org.fabrique.formats.table;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fabrique.core.Fabrique;
import org.fabrique.core.analysis.MatrixExport;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.exchange.SpreadsheetCells;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.redaction.RedactedText;
import org.fabrique.core.user.UserId;

/**
 * Writes every coding of an inquiry as CSV (RFC 4180, UTF-8) or as an XLSX workbook: one row per
 * coding, with its source, case, code path, coder, positions in code points and, unless left out,
 * the quoted text.
 */
public final class CodingsCsvExporter {
  /** The format version written in the header's first column name. */
  public static final String FORMAT_VERSION = "1";

  public static final List<String> HEADER =
      List.of(
          "coding_id",
          "source_id",
          "source_title",
          "case",
          "code_id",
          "code_path",
          "coder",
          "start",
          "end",
          "quote");

  private final Fabrique fabrique;

  public CodingsCsvExporter(Fabrique fabrique) {
    this.fabrique = fabrique;
  }

  /**
   * What to write.
   *
   * @param codes the codes whose codings go out; every code when empty
   * @param quotes whether the quoted text of the field material goes out
   */
  public record Request(MatrixExport.Format format, Set<CodeId> codes, boolean quotes) {
    public Request {
      codes = Set.copyOf(codes);
    }

    /** Every coding with its quote. */
    public static Request everything(MatrixExport.Format format) {
      return new Request(format, Set.of(), true);
    }
  }

  /**
   * Writes the codings a request asks for under an export profile, as CSV or XLSX.
   *
   * @return the codings written; the scope then holds the counts of the data-loss report
   */
  public int write(InquiryId inquiry, ExportScope scope, Request request, OutputStream out) {
    return switch (request.format()) {
      case CSV -> write(inquiry, scope, out, request.quotes(), request.codes());
      case XLSX -> writeXlsx(inquiry, scope, out, request.quotes(), request.codes());
    };
  }

  /** Writes the codings with their quotes, as stored (the internal profile). */
  public int write(InquiryId inquiry, OutputStream out) {
    return write(
        inquiry, fabrique.redactions().scope(inquiry, ExportProfile.INTERNAL), out, true, Set.of());
  }

  /**
   * Writes the codings under an export profile: sources the profile leaves out are left out with
   * their codings; quotes, titles and case names go out redacted; positions are those of the
   * redacted text.
   *
   * @return the codings written; the scope then holds the counts of the data-loss report
   */
  public int write(InquiryId inquiry, ExportScope scope, OutputStream out) {
    return write(inquiry, scope, out, true, Set.of());
  }

  /** Writes the codings under an export profile without the quoted text of the field material. */
  public int writeWithoutQuotes(InquiryId inquiry, ExportScope scope, OutputStream out) {
    return write(inquiry, scope, out, false, Set.of());
  }

  private int write(
      InquiryId inquiry, ExportScope scope, OutputStream out, boolean quotes, Set<CodeId> codes) {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer)) {
      csv.writeRecord(HEADER);
      return rows(inquiry, scope, quotes, codes, csv::writeRecord);
    } catch (IOException | UncheckedIOException e) {
      throw new StorageException("Could not write the codings", e);
    }
  }

  private int writeXlsx(
      InquiryId inquiry, ExportScope scope, OutputStream out, boolean quotes, Set<CodeId> codes) {
    Workbook workbook = new Workbook(out, "Fabrique", "1.0");
    Worksheet sheet = workbook.newWorksheet("Codings");
    int[] row = {0};
    java.util.function.Consumer<List<String>> line =
        cells -> {
          for (int column = 0; column < cells.size(); column++) {
            sheet.value(row[0], column, cells.get(column));
          }
          row[0]++;
        };
    line.accept(HEADER);
    int count = rows(inquiry, scope, quotes, codes, line);
    try {
      workbook.finish();
    } catch (IOException e) {
      throw new StorageException("Could not write the codings", e);
    }
    return count;
  }

  /** Gives each row to {@code line}, in the store's order of codings. */
  private int rows(
      InquiryId inquiry,
      ExportScope scope,
      boolean quotes,
      Set<CodeId> codes,
      java.util.function.Consumer<List<String>> line) {
    fabrique.inquiries().get(inquiry);
    Map<CodeId, String> paths = codePaths(fabrique.coding().codes(inquiry));
    // What the profile lets out, decided before the codings are read: the redacted texts too.
    Map<SourceId, Source> sources = new HashMap<>();
    Map<SourceId, RedactedText> texts = new HashMap<>();
    for (Source s : fabrique.corpus().list(inquiry)) {
      if (scope.includes(s)) {
        sources.put(s.id(), s);
        texts.put(s.id(), scope.text(s));
      }
    }
    Map<CaseId, String> cases = new HashMap<>();
    fabrique.inquiries().cases(inquiry).forEach(c -> cases.put(c.id(), c.name()));
    Map<UserId, String> coders = new HashMap<>();
    fabrique.users().list().forEach(u -> coders.put(u.id(), u.login()));
    int[] count = {0};
    fabrique
        .store()
        .inTransaction(
            tx -> {
              tx.coding()
                  .forEachSpan(
                      inquiry,
                      span -> {
                        Source source = sources.get(span.sourceId());
                        if (source == null
                            || (!codes.isEmpty() && !codes.contains(span.codeId()))) {
                          return;
                        }
                        RedactedText text = texts.get(source.id());
                        String quote = quotes ? text.passage(span.start(), span.end()) : "";
                        line.accept(
                            List.of(
                                Long.toString(span.codingId().value()),
                                Long.toString(span.sourceId().value()),
                                SpreadsheetCells.text(scope.freeText(source.title())),
                                SpreadsheetCells.text(
                                    scope.freeText(source.caseId().map(cases::get).orElse(""))),
                                Long.toString(span.codeId().value()),
                                SpreadsheetCells.text(paths.getOrDefault(span.codeId(), "")),
                                SpreadsheetCells.text(
                                    coders.getOrDefault(span.coderId(), span.coderId().toString())),
                                Integer.toString(text.start(span.start())),
                                Integer.toString(text.end(span.end())),
                                SpreadsheetCells.text(quote)));
                        count[0]++;
                      });
              return null;
            });
    return count[0];
  }

  /** The path of each code from the root, joined with " / ". */
  static Map<CodeId, String> codePaths(List<Code> codes) {
    Map<CodeId, Code> byId = new HashMap<>();
    codes.forEach(c -> byId.put(c.id(), c));
    Map<CodeId, String> paths = new HashMap<>();
    for (Code code : codes) {
      StringBuilder path = new StringBuilder(code.name());
      Optional<CodeId> parent = code.parentId();
      int depth = 0;
      while (parent.isPresent() && byId.containsKey(parent.get()) && depth++ < 100) {
        Code up = byId.get(parent.get());
        path.insert(0, up.name() + " / ");
        parent = up.parentId();
      }
      paths.put(code.id(), path.toString());
    }
    return paths;
  }
}
