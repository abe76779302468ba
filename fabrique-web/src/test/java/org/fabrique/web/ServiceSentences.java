package org.fabrique.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sentences the main code of the modules under the web writes for users: the message of every
 * exception it throws and of every problem it reports, when that message is written in place as
 * literals joined with values ({@code "There is no code " + id}). Each comes back as a sample
 * sentence, its values written {@link #VALUE} (or the first literal the value's expression holds,
 * so that {@code a ? "cases" : "sources"} reads "cases").
 */
final class ServiceSentences {
  private static final Pattern CALL =
      Pattern.compile(
          "new (?:InvalidInput|NotFound|Conflict|Forbidden|Unauthenticated|Storage)Exception\\("
              + "|Problem\\.(?:error|warning|info)\\(");

  /** The value a sample sentence carries in place of each expression: a count reads well. */
  static final String VALUE = "2";

  /**
   * A sentence, where it is written and by which call ({@code new StorageException(}, {@code
   * Problem.warning(}…).
   */
  record Sentence(String sample, String where, String call) {}

  private ServiceSentences() {}

  static List<Sentence> under(Path root) {
    List<Sentence> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        Matcher call = CALL.matcher(source);
        while (call.find()) {
          List<String> arguments = arguments(source, call.end());
          // A problem's first argument is where it is; its message comes second.
          String message =
              call.group().startsWith("Problem")
                  ? (arguments.size() > 1 ? arguments.get(1) : "")
                  : arguments.get(0);
          String sample = sample(message);
          if (sample != null) {
            int line = source.substring(0, call.start()).split("\n", -1).length;
            String where =
                root.equals(file)
                    ? file.getFileName().toString()
                    : root.relativize(file).toString();
            found.add(new Sentence(sample, where + ":" + line, call.group()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** The top-level arguments of a call, from just after its opening parenthesis. */
  private static List<String> arguments(String source, int from) {
    return topLevel(source, from, ',');
  }

  /**
   * The parts of {@code text} from {@code from} split at each {@code separator} outside strings and
   * brackets, up to the first bracket closed that was not opened (the end of a call's arguments) or
   * the end of the text.
   */
  private static List<String> topLevel(String text, int from, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        current.append(c);
        if (c == '\\') {
          current.append(text.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '"') {
        inString = true;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == separator && depth == 0) {
        parts.add(current.toString().strip());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    parts.add(current.toString().strip());
    return parts;
  }

  /**
   * The sentence an expression writes, or null when it holds no literal with a letter (a variable,
   * a method's result, or values joined by punctuation only).
   */
  private static String sample(String expression) {
    StringBuilder sentence = new StringBuilder();
    boolean words = false;
    for (String part : topLevel(expression, 0, '+')) {
      if (part.startsWith("\"") && part.endsWith("\"") && part.length() >= 2) {
        String literal = unescape(part.substring(1, part.length() - 1));
        words |= literal.chars().anyMatch(Character::isLetter);
        sentence.append(literal);
      } else {
        Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(part);
        sentence.append(literal.find() ? unescape(literal.group(1)) : VALUE);
      }
    }
    return words ? sentence.toString() : null;
  }

  private static String unescape(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c != '\\' || i + 1 == literal.length()) {
        out.append(c);
        continue;
      }
      char next = literal.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }
}
