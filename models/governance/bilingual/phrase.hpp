#pragma once
// The model's words in English and Chinese: each metric's and each lever's name and meaning, so
// that every reader (the window, the policy brief) names them the same way in both languages.
// A row is a key ("metric.<name>", "metric_help.<name>", "lever.<key>", "lever_help.<key>",
// "seed.Lx") and its two texts; completeness tests fail when the model gains a metric or a lever
// that is not here.

#include <span>
#include <string_view>

namespace shanzhi::gov {

struct Phrase {
  std::string_view key;
  std::string_view en;
  std::string_view zh;
};

std::span<const Phrase> metric_phrases();  ///< metric_phrases.cpp: metric.<name>, metric_help.<name>
std::span<const Phrase> lever_phrases();   ///< lever_phrases.cpp: lever.<key>, lever_help.<key>, seed.Lx

/// The phrase of `key` in the metric and lever tables, or nullptr.
const Phrase* find_phrase(std::string_view key);

}  // namespace shanzhi::gov
