package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;

/**
 * The users of an exported project: every user the files it was imported from named (whether or not
 * anything refers to them), and who imported a source, wrote a memo or coded a passage.
 */
final class ExportedUsers {
  private final ProjectXml project;

  ExportedUsers(ProjectXml project) {
    this.project = project;
  }

  void write(List<Source> sources) {
    Set<UserId> users = new LinkedHashSet<>();
    project.tx().guids().list(project.inquiry()).stream()
        .filter(g -> g.item().kind() == org.fabrique.core.memo.ItemKind.USER)
        .forEach(g -> users.add(new UserId(g.item().id())));
    sources.forEach(s -> users.add(s.importedBy()));
    project.memos().forEach(m -> users.add(m.authorId()));
    project.tx().coding().forEachSpan(project.inquiry(), span -> users.add(span.coderId()));
    List<User> known = new ArrayList<>();
    for (UserId id : users) {
      project.tx().users().find(id).ifPresent(known::add);
    }
    project.container("Users", known, this::write);
  }

  private void write(User user) {
    XmlOut xml = project.xml();
    xml.start("User");
    xml.attribute("guid", project.userGuid(user.id()));
    xml.attribute("name", user.displayName());
    xml.attribute("id", user.login());
    xml.end();
    project.count("coders");
  }
}
