#include "sim/scenario/diagnostics.hpp"

#include "sim/scenario/file_text.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <optional>

namespace shanzhi::sim {
namespace {

/// Problems spelled out in one error message; a file with thousands of bad lines gets the first
/// ones and a count, not pages of output.
constexpr std::size_t problems_shown = 50;

/// Words longer than this are not matched against the known keys (no key is near that long, and
/// the edit distance grows with the product of the lengths).
constexpr std::size_t longest_word_matched = 200;

std::string join_formatted(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (std::size_t i = 0; i < std::min(diagnostics.size(), problems_shown); ++i)
    out += (out.empty() ? "" : "\n") + diagnostics[i].format();
  if (diagnostics.size() > problems_shown)
    out += "\n... and " + std::to_string(diagnostics.size() - problems_shown) + " more problems (fix the first ones and run again)";
  return out;
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view last_segment(std::string_view key) {
  const auto dot = key.rfind('.');
  return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

/// Edit distance counting insertions, deletions, substitutions and swaps of neighbouring
/// characters (optimal string alignment): "pay_ratoi" is one edit from "pay_ratio".
std::size_t typo_distance(std::string_view a, std::string_view b) {
  const std::size_t rows = a.size() + 1, cols = b.size() + 1;
  std::vector<std::size_t> d(rows * cols);
  auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * cols + j]; };
  for (std::size_t i = 0; i < rows; ++i) at(i, 0) = i;
  for (std::size_t j = 0; j < cols; ++j) at(0, j) = j;
  for (std::size_t i = 1; i < rows; ++i) {
    for (std::size_t j = 1; j < cols; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
    }
  }
  return at(rows - 1, cols - 1);
}

/// Most edits a word of this length may carry and still be taken for a typo: about one in
/// three characters, so "pay_ration" finds "pay_ratio" but "xyz" finds nothing. Names of one or
/// two letters are too short to guess at.
std::size_t typo_budget(std::string_view target) {
  if (target.size() < 3) return 0;
  return std::max<std::size_t>(1, target.size() / 3);
}

struct Match {
  std::size_t distance = std::numeric_limits<std::size_t>::max();
  std::size_t full_distance = std::numeric_limits<std::size_t>::max();  ///< tie-break
};

/// How well `word` matches `candidate`, either as a whole dotted key or by its last segment
/// (which catches a right name under a wrong or missing table); nullopt if not plausible.
/// Both are held to the budget of the last segment: a long shared table name must not make
/// "scenario.title" look like a typo of "scenario.name".
std::optional<Match> match(std::string_view word, std::string_view candidate) {
  const auto word_segment = last_segment(word), candidate_segment = last_segment(candidate);
  const auto budget = typo_budget(candidate_segment);
  // Words whose lengths differ by more than the budget cannot be within it: skip the distance.
  const auto within_reach = [budget](std::string_view a, std::string_view b) {
    return (a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) <= budget;
  };
  Match m;
  if (within_reach(word, candidate)) m.full_distance = typo_distance(word, candidate);
  if (m.full_distance <= budget) m.distance = m.full_distance;
  const auto segment_distance = within_reach(word_segment, candidate_segment)
                                    ? typo_distance(word_segment, candidate_segment)
                                    : std::numeric_limits<std::size_t>::max();
  if (segment_distance <= budget) m.distance = std::min(m.distance, segment_distance);
  if (m.distance == std::numeric_limits<std::size_t>::max()) return std::nullopt;
  return m;
}

}  // namespace

std::string Diagnostic::format() const {
  std::string out = where.describe();
  if (!out.empty()) out += ": ";
  out += severity == Severity::error ? "error: " : "warning: ";
  if (!key.empty()) out += "key '" + detail::printable(key) + "': ";
  return out + message;
}

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_formatted(diagnostics)), diagnostics_(std::move(diagnostics)) {}

std::string nearest_key(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > longest_word_matched) return {};
  const std::string wanted = lowercase(word);
  const std::string* best = nullptr;
  Match best_match;
  for (const auto& candidate : candidates) {
    const auto m = match(wanted, lowercase(candidate));
    if (!m) continue;
    const bool better = m->distance < best_match.distance ||
                        (m->distance == best_match.distance && m->full_distance < best_match.full_distance);
    if (better) best = &candidate, best_match = *m;
  }
  return best ? *best : std::string{};
}

}  // namespace shanzhi::sim
