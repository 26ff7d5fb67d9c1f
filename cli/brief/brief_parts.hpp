#pragma once
// The pieces brief_html.cpp assembles, shared between its files: one policy's sections
// (brief_policy.cpp) and the HTML helpers they write with.

#include "cli/brief/brief_html.hpp"
#include "sim/output/language.hpp"

#include <string>
#include <vector>

namespace shanzhi::cli::brief {

/// One policy's sections: summary, changes, headline table, charts over time, who gains, cost,
/// assumptions.
std::string policy_sections(const BriefInput& input, std::size_t policy, sim::Language language);

/// "<tag>escaped text</tag>".
std::string element(const std::string& tag, const std::string& text);
/// A table with a header row; cells are HTML already (escape text before).
std::string html_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       const std::string& css_class = "");

}  // namespace shanzhi::cli::brief
