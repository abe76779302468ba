package org.fabrique.core.coding;

import java.util.List;

/**
 * A code in the codebook tree with its children and counts.
 *
 * @param codings the number of codings of this code alone
 * @param totalCodings the number of codings of this code and its descendants
 */
public record CodeNode(Code code, int codings, int totalCodings, List<CodeNode> children) {}
