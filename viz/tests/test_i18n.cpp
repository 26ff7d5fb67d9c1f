// The language tables are complete: every text exists in English and Chinese, for every key the
// window uses, every metric the model declares, every lever of the schema and every lesson.

#include "viz_test_helpers.hpp"

#include "core/i18n.hpp"
#include "core/lessons.hpp"
#include "core/lever_groups.hpp"
#include "models/governance/recording/governance_metrics.hpp"
#include "models/governance/spec/parameter_schema.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace shanzhi;
using namespace shanzhi::viz;
using namespace shanzhi::viz::test;

namespace {

bool complete(const std::string& key) {
  const char* en = find_text(key, Language::en);
  const char* zh = find_text(key, Language::zh);
  return en && zh && *en && *zh;
}

/// Every literal key passed to tr("...") in the window's sources.
std::set<std::string> keys_used_by_app() {
  std::set<std::string> keys;
  const std::regex call(R"re(tr\("([a-z_]+\.[a-z_0-9.]+)"\))re");
  for (const auto& entry : std::filesystem::directory_iterator(source_path("viz/app"))) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const auto s = text.str();
    for (std::sregex_iterator it(s.begin(), s.end(), call), end; it != end; ++it) keys.insert((*it)[1]);
  }
  return keys;
}

}  // namespace

TEST_CASE("Every table row has both languages and keys are unique", "[viz][i18n]") {
  std::set<std::string_view> seen;
  for (auto table : {ui_phrases(), metric_phrases(), lever_phrases(), classroom_phrases()})
    for (const auto& p : table) {
      INFO(p.key);
      CHECK_FALSE(p.en.empty());
      CHECK_FALSE(p.zh.empty());
      CHECK(seen.insert(p.key).second);
    }
}

TEST_CASE("Every key the window uses is in the tables", "[viz][i18n]") {
  const auto keys = keys_used_by_app();
  CHECK(keys.size() > 50);
  for (const auto& key : keys) {
    INFO(key);
    CHECK(complete(key));
  }
  for (const char* group : lever_group_ids) CHECK(complete(std::string("group.") + group));
  for (const char* status : {"status.building", "status.settling", "status.running", "status.paused", "status.finished",
                             "status.catching_up", "status.no_run"})
    CHECK(complete(status));
}

TEST_CASE("Every metric of the model has a name and a definition in both languages", "[viz][i18n]") {
  sim::MetricRecorder recorder;
  gov::declare_metrics(recorder);
  for (const auto& m : recorder.metrics()) {
    INFO(m.name);
    CHECK(complete("metric." + m.name));
    CHECK(complete("metric_help." + m.name));
  }
}

TEST_CASE("Every lever of the schema has a label and a tooltip and its seed name in both languages", "[viz][i18n]") {
  for (const auto& info : gov::governance_schema().infos()) {
    if (!info.is_lever()) continue;
    INFO(info.key);
    const auto keys = lever_text_keys(info.key);
    CHECK(complete(keys.label));
    CHECK(complete(keys.help));
    CHECK(complete("seed." + info.lever));
    for (const auto& choice : info.choices) CHECK(complete("choice." + choice));
  }
}

TEST_CASE("Switching the language switches the text and unknown keys show as themselves", "[viz][i18n]") {
  set_language(Language::zh);
  CHECK(std::string(tr("ctl.play")) == "运行");
  set_language(Language::en);
  CHECK(std::string(tr("ctl.play")) == "Play");
  CHECK(std::string(tr("no.such_key")) == "no.such_key");
  Language l = Language::en;
  CHECK(parse_language("zh", l));
  CHECK(l == Language::zh);
  CHECK_FALSE(parse_language("fr", l));
}
