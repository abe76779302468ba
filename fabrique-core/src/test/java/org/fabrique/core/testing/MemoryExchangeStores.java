package org.fabrique.core.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.fabrique.core.exchange.GuidStore;
import org.fabrique.core.exchange.ItemGuid;
import org.fabrique.core.exchange.ReceivedFact;
import org.fabrique.core.exchange.ReceivedFactStore;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.link.Link;
import org.fabrique.core.link.LinkId;
import org.fabrique.core.link.LinkStore;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.set.ItemSet;
import org.fabrique.core.set.SetId;
import org.fabrique.core.set.SetStore;

/** The stores of the {@link MemoryStore} for sets, links, exchanged GUIDs and received facts. */
final class MemoryExchangeStores {
  private MemoryExchangeStores() {}

  static final class Sets implements SetStore {
    private final Table<SetId, ItemSet> sets;

    Sets(Journal journal) {
      sets = new Table<>(journal);
    }

    @Override
    public void insert(ItemSet set) {
      sets.insert(set.id(), set);
    }

    @Override
    public void update(ItemSet set) {
      sets.update(set.id(), set, "Set " + set.id());
    }

    @Override
    public void delete(SetId id) {
      sets.delete(id, "Set " + id);
    }

    @Override
    public Optional<ItemSet> find(SetId id) {
      return sets.get(id);
    }

    @Override
    public List<ItemSet> list(InquiryId inquiry) {
      return sets.values().stream()
          .filter(s -> s.inquiryId().equals(inquiry))
          .sorted(Comparator.comparing(ItemSet::name).thenComparingLong(s -> s.id().value()))
          .toList();
    }

    @Override
    public List<ItemSet> containing(ItemRef member) {
      return sets.values().stream()
          .filter(s -> s.members().contains(member))
          .sorted(Comparator.comparingLong(s -> s.id().value()))
          .toList();
    }
  }

  static final class Links implements LinkStore {
    private final Table<LinkId, Link> links;

    Links(Journal journal) {
      links = new Table<>(journal);
    }

    @Override
    public void insert(Link link) {
      links.insert(link.id(), link);
    }

    @Override
    public void update(Link link) {
      links.update(link.id(), link, "Link " + link.id());
    }

    @Override
    public void delete(LinkId id) {
      links.delete(id, "Link " + id);
    }

    @Override
    public Optional<Link> find(LinkId id) {
      return links.get(id);
    }

    @Override
    public List<Link> list(InquiryId inquiry) {
      return links.values().stream()
          .filter(l -> l.inquiryId().equals(inquiry))
          .sorted(Comparator.comparingLong(l -> l.id().value()))
          .toList();
    }

    @Override
    public List<Link> touching(ItemRef item) {
      return links.values().stream()
          .filter(l -> l.origin().equals(item) || l.target().equals(item))
          .sorted(Comparator.comparingLong(l -> l.id().value()))
          .toList();
    }
  }

  static final class Guids implements GuidStore {
    private final Table<List<Object>, Map.Entry<InquiryId, ItemGuid>> guids;

    Guids(Journal journal) {
      guids = new Table<>(journal);
    }

    @Override
    public void put(InquiryId inquiry, ItemGuid guid) {
      guids.put(List.of(inquiry, guid.item()), Map.entry(inquiry, guid));
    }

    @Override
    public void remove(InquiryId inquiry, ItemRef item) {
      guids.remove(List.of(inquiry, item));
    }

    @Override
    public Optional<String> find(InquiryId inquiry, ItemRef item) {
      return guids.get(List.of(inquiry, item)).map(e -> e.getValue().guid());
    }

    @Override
    public List<ItemGuid> list(InquiryId inquiry) {
      return guids.values().stream()
          .filter(e -> e.getKey().equals(inquiry))
          .map(Map.Entry::getValue)
          .sorted(
              Comparator.comparing((ItemGuid g) -> g.item().kind().id())
                  .thenComparingLong(g -> g.item().id()))
          .toList();
    }
  }

  static final class ReceivedFacts implements ReceivedFactStore {
    private final Table<List<Object>, Map.Entry<InquiryId, ReceivedFact>> facts;
    private final Predicate<InquiryId> inquiryExists;

    ReceivedFacts(Journal journal, Predicate<InquiryId> inquiryExists) {
      facts = new Table<>(journal);
      this.inquiryExists = inquiryExists;
    }

    @Override
    public void putAll(InquiryId inquiry, List<ReceivedFact> received) {
      if (!received.isEmpty() && !inquiryExists.test(inquiry)) {
        throw MemoryRules.brokenReference();
      }
      for (ReceivedFact fact : received) {
        facts.put(List.of(inquiry, fact.item(), fact.name()), Map.entry(inquiry, fact));
      }
    }

    @Override
    public List<ReceivedFact> list(InquiryId inquiry) {
      return facts.values().stream()
          .filter(e -> e.getKey().equals(inquiry))
          .map(Map.Entry::getValue)
          .sorted(
              Comparator.comparing((ReceivedFact f) -> f.item().kind().id())
                  .thenComparingLong(f -> f.item().id())
                  .thenComparing(ReceivedFact::name))
          .toList();
    }
  }
}
