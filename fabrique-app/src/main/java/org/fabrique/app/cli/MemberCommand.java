package org.fabrique.app.cli;

import java.io.PrintWriter;
import org.fabrique.app.Workbench;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.MembershipService;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** fabrique member add|remove|list: who works on an inquiry, with which role. */
@Command(
    name = "member",
    description =
        "Manage the members of an inquiry and their roles (viewer, coder, researcher, owner).",
    mixinStandardHelpOptions = true,
    subcommands = {
      MemberCommand.Add.class,
      MemberCommand.Remove.class,
      MemberCommand.ListMembers.class
    })
public final class MemberCommand {
  private MemberCommand() {}

  static Role role(String code) {
    return Role.fromCode(code)
        .orElseThrow(
            () -> new InvalidInputException("A role is viewer, coder, researcher or owner"));
  }

  /** fabrique member add --inquiry ID --user LOGIN --role R. */
  @Command(name = "add", description = "Make a user a member, or change their role.")
  static final class Add extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Option(names = "--user", required = true, paramLabel = "LOGIN")
    String login;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "viewer, coder, researcher or owner.")
    String role;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      Role chosen = role(role);
      User user = workbench.fabrique().users().byLogin(login);
      workbench
          .fabrique()
          .members()
          .put(
              workbench.fabrique().users().defaultUser().id(),
              new InquiryId(inquiry),
              user.id(),
              chosen);
      spec.commandLine()
          .getOut()
          .println(
              FabriqueCommand.of(spec)
                  .say("cli.member.put", user.login(), chosen.code(), String.valueOf(inquiry)));
      return FabriqueCommand.OK;
    }
  }

  /** fabrique member remove --inquiry ID --user LOGIN. */
  @Command(name = "remove", description = "Remove a member from an inquiry.")
  static final class Remove extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Option(names = "--user", required = true, paramLabel = "LOGIN")
    String login;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      User user = workbench.fabrique().users().byLogin(login);
      workbench
          .fabrique()
          .members()
          .remove(
              workbench.fabrique().users().defaultUser().id(), new InquiryId(inquiry), user.id());
      spec.commandLine()
          .getOut()
          .println(
              FabriqueCommand.of(spec)
                  .say("cli.member.removed", user.login(), String.valueOf(inquiry)));
      return FabriqueCommand.OK;
    }
  }

  /** fabrique member list --inquiry ID. */
  @Command(
      name = "list",
      description = "List the members of an inquiry: login, display name, role.")
  static final class ListMembers extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      InquiryId id = existing(workbench, inquiry);
      PrintWriter out = spec.commandLine().getOut();
      for (MembershipService.Member member : workbench.fabrique().members().members(id)) {
        out.println(
            member.user().login()
                + "\t"
                + member.user().displayName()
                + "\t"
                + member.role().code());
      }
      return FabriqueCommand.OK;
    }
  }
}
