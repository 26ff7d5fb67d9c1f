#pragma once
// `shanzhi brief`'s document: one self-contained HTML file in Chinese and English (a switch at the
// top shows one language; printing prints it), with the headline effects, satisfaction over time
// with bands, who gains (groups, streets, communities, categories), the public cost in total, per
// resident and per community, the assumptions that matter (when they were drawn), what the model
// leaves out, and the commands and versions that reproduce it. Figures are inline SVG; nothing is
// fetched when the page opens.

#include "cli/comparison_request.hpp"
#include "sim/output/language.hpp"

#include <string>

namespace shanzhi::cli::brief {

struct BriefInput {
  const ComparisonRequest& request;
  const LoadedComparison& loaded;
  const ComparisonResults& results;
  std::string command_line;  ///< as typed
  std::string made_on;       ///< the date, e.g. "2026-12-06"
};

/// The page, showing `shown` first (the other language is one click away).
std::string brief_html(const BriefInput& input, sim::Language shown = sim::Language::zh);

}  // namespace shanzhi::cli::brief
