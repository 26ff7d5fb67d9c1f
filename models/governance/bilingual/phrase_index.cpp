#include "models/governance/bilingual/phrase.hpp"

#include <unordered_map>

namespace shanzhi::gov {

const Phrase* find_phrase(std::string_view key) {
  static const auto index = [] {
    std::unordered_map<std::string_view, const Phrase*> by_key;
    for (auto table : {metric_phrases(), lever_phrases()})
      for (const auto& p : table) by_key.emplace(p.key, &p);
    return by_key;
  }();
  const auto it = index.find(key);
  return it == index.end() ? nullptr : it->second;
}

}  // namespace shanzhi::gov
