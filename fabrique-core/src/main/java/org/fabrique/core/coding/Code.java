package org.fabrique.core.coding;

import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;

/**
 * An analytic category of the codebook. Codes form a tree; a parent may itself be codable or serve
 * only to group its children.
 *
 * @param colour a CSS colour {@code #rrggbb}
 * @param position the order among siblings
 */
public record Code(
    CodeId id,
    InquiryId inquiryId,
    Optional<CodeId> parentId,
    String name,
    String colour,
    String description,
    boolean codable,
    int position) {}
