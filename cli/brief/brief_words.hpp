#pragma once
// The policy brief's own words in Chinese and English: headings, the sentences around the
// numbers, population groups, and what the model leaves out. The model's metric and lever names
// come from models/governance/bilingual; these are the brief's.

#include "sim/output/language.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace shanzhi::cli::brief {

/// The text of `key` in `language`; the key itself when the table lacks it (a test fails then).
std::string word(std::string_view key, sim::Language language);

/// A metric's name in `language` (models/governance/bilingual), or the metric's own name.
std::string metric_name(const std::string& metric, sim::Language language);

/// A population group's name ("age_60_79" → "60–79 岁"), or the key.
std::string group_name(const std::string& group, sim::Language language);

/// A service category's name (models/governance/spec/service_category.hpp), or the key.
std::string category_name(const std::string& category, sim::Language language);

/// `pattern` with each "{}" replaced by the next of `values`.
std::string filled(std::string pattern, const std::vector<std::string>& values);

/// What the model leaves out, one paragraph per item, in `language`.
std::vector<std::string> model_limits(sim::Language language);

}  // namespace shanzhi::cli::brief
