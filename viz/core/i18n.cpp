#include "core/i18n.hpp"

#include <atomic>
#include <mutex>
#include <string>
#include <unordered_map>

namespace shanzhi::viz {
namespace {

std::atomic<Language> language{Language::en};

struct Index {
  std::unordered_map<std::string_view, const Phrase*> by_key;
  Index() {
    for (auto table : {ui_phrases(), metric_phrases(), lever_phrases(), classroom_phrases()})
      for (const auto& p : table) by_key.emplace(p.key, &p);
  }
};

const Index& index() {
  static const Index built;
  return built;
}

// Keys not found are kept so the pointer returned by tr() stays valid.
const char* remembered_key(std::string_view key) {
  static std::unordered_map<std::string, std::string> missing;
  static std::mutex guard;
  std::lock_guard lock(guard);
  auto [it, inserted] = missing.emplace(std::string(key), std::string(key));
  return it->second.c_str();
}

}  // namespace

Language current_language() { return language.load(); }
void set_language(Language l) { language.store(l); }

bool parse_language(std::string_view text, Language& out) {
  if (text == "en") out = Language::en;
  else if (text == "zh") out = Language::zh;
  else return false;
  return true;
}

const char* find_text(std::string_view key, Language l) {
  const auto& idx = index().by_key;
  auto it = idx.find(key);
  if (it == idx.end()) return nullptr;
  // Table strings are literals, so their data() is NUL-terminated.
  return l == Language::zh ? it->second->zh.data() : it->second->en.data();
}

const char* tr(std::string_view key) {
  if (const char* text = find_text(key, current_language())) return text;
  return remembered_key(key);
}

std::vector<std::string_view> all_texts() {
  std::vector<std::string_view> out;
  for (auto table : {ui_phrases(), metric_phrases(), lever_phrases(), classroom_phrases()})
    for (const auto& p : table) {
      out.push_back(p.en);
      out.push_back(p.zh);
    }
  return out;
}

}  // namespace shanzhi::viz
