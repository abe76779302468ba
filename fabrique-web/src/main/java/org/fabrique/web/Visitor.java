package org.fabrique.web;

import org.fabrique.core.user.User;
import org.fabrique.web.i18n.Lang;

/**
 * Who is asking, as far as the interface knows: the coder every change is made as, and the language
 * of the pages.
 */
public record Visitor(User coder, Lang lang) {}
