#pragma once
// Chinese and English text of the UI, switchable at run time. Every visible string is looked up
// by key in one of three tables (UI labels, metrics, levers); each row carries both languages,
// and a unit test checks that every key the UI, the model's metrics, the schema's levers and the
// lesson files need has both. A missing key shows as the key itself, never as blank text.

#include "models/governance/bilingual/phrase.hpp"
#include "sim/output/language.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace shanzhi::viz {

using sim::Language;
using gov::Phrase;
using gov::metric_phrases;  // models/governance/bilingual/metric_phrases.cpp: metric.<name>, metric_help.<name>
using gov::lever_phrases;   // models/governance/bilingual/lever_phrases.cpp: lever.<key>, lever_help.<key>, seed.Lx

std::span<const Phrase> ui_phrases();  ///< i18n_ui_table.cpp: the window's own words
std::span<const Phrase> classroom_phrases();  ///< i18n_classroom_table.cpp: tab.classroom, class.*

/// The language in use (process-wide; the UI switches it between frames).
Language current_language();
void set_language(Language language);
/// "en" / "zh" → language; false when the text names neither.
bool parse_language(std::string_view text, Language& out);

/// Text of `key` in the current language, or the key itself when no table has it.
/// The pointer stays valid for the whole program (tables are static).
const char* tr(std::string_view key);
/// Text of `key` in `language`, or nullptr when no table has the key.
const char* find_text(std::string_view key, Language language);
/// Every text of every table in both languages (for building the font's glyph ranges).
std::vector<std::string_view> all_texts();

}  // namespace shanzhi::viz
