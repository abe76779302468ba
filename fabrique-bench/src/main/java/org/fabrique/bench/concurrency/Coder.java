package org.fabrique.bench.concurrency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.error.ConcurrentChangeException;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.user.User;

/**
 * One coder of the benchmark: acts at random through its {@link Actions} (the services, or the JSON
 * API as a signed-in user) and keeps a model of what its acknowledged actions must have left in the
 * database. The model covers what only this coder changes (its codings, memos, the name of its own
 * code, its scratch codes), so that it is exact whatever the others do at the same time; moves of
 * the shared groups are checked by the tree.
 */
final class Coder {
  final User user;
  final Code own;
  final Model model = new Model();
  long acknowledged;
  long undos;
  long conflicts;
  long gaveUp;
  final Map<String, Integer> conflictReasons = new HashMap<>();
  long refused;
  long partialUndos;
  long setAside;

  /** Answers no client should get (5xx, a refused session, a failed connection). */
  long errors;

  final Map<String, Integer> errorReasons = new HashMap<>();

  private final Actions actions;
  private final List<Source> sources;
  private final List<CodeId> shared;
  private final List<CodeId> groups;
  private final Random random;
  private final Deque<Action> done = new ArrayDeque<>();
  private long[] latencies = new long[1024];
  private int count;

  Coder(
      Actions actions,
      User user,
      Code own,
      List<Source> sources,
      List<CodeId> shared,
      List<CodeId> groups,
      long seed) {
    this.actions = actions;
    this.user = user;
    this.own = own;
    this.sources = sources;
    this.shared = shared;
    this.groups = groups;
    this.random = new Random(seed);
    model.ownName = own.name();
  }

  /** What the database must hold of this coder's work. */
  static final class Model {
    final Map<Long, Long> codings = new HashMap<>();
    final Map<Long, String> memos = new HashMap<>();
    final Set<Long> scratch = new HashSet<>();
    String ownName;
  }

  /**
   * An acknowledged action: the item it concerns (0 for none) and how undoing it changes the model.
   */
  private record Action(long item, java.util.function.Consumer<Model> undo) {}

  long[] latencies() {
    return java.util.Arrays.copyOf(latencies, count);
  }

  void work(long deadline) {
    while (System.nanoTime() < deadline) {
      int dice = random.nextInt(100);
      long start = System.nanoTime();
      try {
        if (dice < 28) {
          code(shared.get(random.nextInt(shared.size())));
        } else if (dice < 36) {
          recode();
        } else if (dice < 41) {
          remove();
        } else if (dice < 51) {
          rename();
        } else if (dice < 61) {
          move();
        } else if (dice < 71) {
          memo();
        } else if (dice < 80) {
          scratch();
        } else {
          undo();
        }
      } catch (ConcurrentChangeException e) {
        gaveUp++;
      } catch (ConflictException e) {
        conflicts++;
        conflictReasons.merge(e.getMessage().replaceAll("[0-9]+", "N"), 1, Integer::sum);
      } catch (InvalidInputException | NotFoundException e) {
        refused++;
      } catch (HttpActions.UnexpectedAnswer e) {
        errors++;
        errorReasons.merge(e.getMessage().replaceAll("[0-9]+", "N"), 1, Integer::sum);
      }
      record(System.nanoTime() - start);
    }
  }

  private void record(long nanos) {
    if (count == latencies.length) {
      latencies = java.util.Arrays.copyOf(latencies, count * 2);
    }
    latencies[count++] = nanos;
  }

  private void acknowledge(long item, java.util.function.Consumer<Model> undo) {
    acknowledged++;
    done.push(new Action(item, undo));
  }

  private void code(CodeId code) {
    Source source = sources.get(random.nextInt(sources.size()));
    int start = random.nextInt(2_000) * 8;
    int end = start + 8 + random.nextInt(8) * 8;
    long id = actions.code(source.id().value(), start, end, code.value());
    model.codings.put(id, code.value());
    acknowledge(id, m -> m.codings.remove(id));
  }

  private Optional<Long> anyOwnCoding() {
    List<Long> ids = new ArrayList<>(model.codings.keySet());
    return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(random.nextInt(ids.size())));
  }

  private void recode() {
    Optional<Long> coding = anyOwnCoding();
    if (coding.isEmpty() || model.scratch.contains(model.codings.get(coding.get()))) {
      return;
    }
    long id = coding.get();
    long from = model.codings.get(id);
    CodeId to = shared.get(random.nextInt(shared.size()));
    actions.recode(id, to.value());
    model.codings.put(id, to.value());
    acknowledge(id, m -> m.codings.put(id, from));
  }

  private void remove() {
    Optional<Long> coding = anyOwnCoding();
    if (coding.isEmpty()) {
      return;
    }
    long id = coding.get();
    long code = model.codings.get(id);
    actions.removeCoding(id);
    model.codings.remove(id);
    acknowledge(id, m -> m.codings.put(id, code));
  }

  private void rename() {
    String from = model.ownName;
    String to = "Own " + user.login() + " " + random.nextInt(1_000_000);
    actions.renameCode(own.id().value(), to);
    model.ownName = to;
    acknowledge(own.id().value(), m -> m.ownName = from);
  }

  private void move() {
    List<CodeId> movable = new ArrayList<>(groups);
    movable.add(own.id());
    CodeId moved = movable.get(random.nextInt(movable.size()));
    Optional<CodeId> parent =
        random.nextInt(4) == 0
            ? Optional.empty()
            : Optional.of(groups.get(random.nextInt(groups.size())));
    actions.moveCode(moved.value(), parent.map(CodeId::value), random.nextInt(5));
    acknowledge(0, m -> {});
  }

  private void memo() {
    List<Long> mine = new ArrayList<>(model.memos.keySet());
    if (mine.isEmpty() || random.nextBoolean()) {
      CodeId about = shared.get(random.nextInt(shared.size()));
      String body = "Note " + random.nextInt(1_000_000);
      long id = actions.writeMemo(about.value(), body);
      model.memos.put(id, body);
      acknowledge(id, m -> m.memos.remove(id));
    } else {
      long id = mine.get(random.nextInt(mine.size()));
      String from = model.memos.get(id);
      String to = from + " +" + random.nextInt(100);
      actions.updateMemo(id, to);
      model.memos.put(id, to);
      acknowledge(id, m -> m.memos.put(id, from));
    }
  }

  /** Creates a code of one's own, codes with it, or deletes it (with its codings). */
  private void scratch() {
    if (model.scratch.isEmpty()) {
      long id = actions.createCode("Scratch " + user.login() + " " + random.nextInt(1_000_000));
      model.scratch.add(id);
      acknowledge(id, m -> m.scratch.remove(id));
      return;
    }
    long id = model.scratch.iterator().next();
    if (random.nextInt(3) > 0) {
      code(new CodeId(id));
      return;
    }
    Map<Long, Long> removed = new HashMap<>();
    model.codings.forEach(
        (coding, code) -> {
          if (code == id) {
            removed.put(coding, code);
          }
        });
    actions.deleteCode(id);
    model.scratch.remove(id);
    removed.keySet().forEach(model.codings::remove);
    acknowledge(
        id,
        m -> {
          m.scratch.add(id);
          m.codings.putAll(removed);
        });
  }

  private void undo() {
    Optional<Actions.Undone> step = actions.undo();
    if (step.isEmpty()) {
      return;
    }
    undos++;
    Action action = done.pop();
    if (step.get().setAside()) {
      setAside++;
      return;
    }
    if (!step.get().setbacks().isEmpty()) {
      partialUndos++;
      // another coder did the same again since (the same passage coded so): left as it is
      if (step.get().setbacks().contains(action.item())) {
        return;
      }
    }
    action.undo().accept(model);
  }
}
