// resolver.hpp -- turns a rule's value template into a TIMEX3 value: fills in
// captures and evaluates the anchoring functions (@rel, @ana, @wday, @ym, ...)
// against the document creation time, the narrative reference and the tense.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calendar.hpp"
#include "matcher.hpp"
#include "rule_set.hpp"

namespace tagwerk::timeline {

/// ResolveContext::tense of an expression after "seit"/"since": past, the present month
/// or day included ("seit März" in March is this March, never next year's).
inline constexpr int kSincePast = -2;

/// What relative expressions are anchored to while a document is read in order.
struct ResolveContext {
  std::optional<Date> dct;
  bool narrative = false;         // anchor deictic expressions on the narrative, not the DCT
  std::optional<Date> reference;  // the last resolved date in the text
  int tense = 0;  // of the expression: -1 past (kSincePast after "seit"), 0 unknown, +1 future
  /// Set by @ana/@anaf: the shifted date at its anchor's precision. "Neun Jahre
  /// später" is written "1954", but "drei Monate später" counts on from the day.
  std::optional<Date> implied;
};

/// The value of match m of rule r. Never throws on data: an unknown function
/// or an unresolvable anchor yields "X" placeholders ("XXXX-XX-XX"). Sets
/// ctx.implied when the value counts from an earlier date, else clears it.
std::string resolve_value(const RuleSet& rules, const Match& m, ResolveContext& ctx);
/// The mod of match m ("" when its rule sets none).
std::string resolve_mod(const RuleSet& rules, const Match& m, ResolveContext& ctx);

/// Whether evaluating `ops` (a value or mod template) may read ResolveContext::tense: true
/// when it calls any function but the arithmetic and formatting ones (@dur, @add, @pm, ...),
/// which read no context. The engine skips the tense scan for a rule that reads none.
bool reads_tense(const std::vector<TemplateOp>& ops);

/// Whether `ops` (a value template), resolved without a DCT, a reference and a tense (the
/// engine's search for DCT candidates), may give a date parse_value() accepts or a value
/// starting "BC": false when its first piece is text starting with another byte, or a call
/// that without an anchor answers with a letter first ("@rel(D,-1)" is "XXXX-XX-XX", "@ym(8)"
/// "XXXX-08", "@today()" "PRESENT_REF"). The engine does not resolve such a rule there.
bool may_date_unanchored(const std::vector<TemplateOp>& ops);

/// Moves ctx.reference to a resolved DATE/TIME value (ignored when the value
/// is not a calendar date, e.g. "PRESENT_REF" or "P3D"), or to ctx.implied
/// when the value set it; clears ctx.implied.
void update_reference(ResolveContext& ctx, const std::string& value);

}  // namespace tagwerk::timeline
