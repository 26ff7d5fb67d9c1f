// The lever panel is built from the schema: every lever appears once, in the seed's groups.

#include "core/lever_groups.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "models/governance/spec/service_category.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace shanzhi;
using namespace shanzhi::viz;

TEST_CASE("Every schema lever appears exactly once in the panel groups", "[viz][levers]") {
  const auto infos = gov::governance_schema().infos();
  const auto groups = group_levers(infos);
  std::multiset<std::string> shown;
  for (const auto& g : groups)
    for (const auto& l : g.levers) shown.insert(l.key);
  std::size_t levers = 0;
  for (const auto& info : infos)
    if (info.is_lever()) {
      ++levers;
      CHECK(shown.count(info.key) == 1);
    }
  CHECK(shown.size() == levers);
  CHECK(levers >= 29);
}

TEST_CASE("Lever ids map to the groups of the seed and unknown ids to other levers", "[viz][levers]") {
  CHECK(lever_group_of("L3") == "purchase");
  CHECK(lever_group_of("L16") == "burden");
  CHECK(lever_group_of("L7") == "workforce");
  CHECK(lever_group_of("L11") == "linkage");
  CHECK(lever_group_of("L15") == "self_governance");
  CHECK(lever_group_of("L18") == "evaluation");
  CHECK(lever_group_of("L21") == "co_building");
  CHECK(lever_group_of("L99") == "other");

  // A lever the model adds later shows up by itself, in "other levers" until grouped.
  auto infos = gov::governance_schema().infos();
  sim::ParamInfo extra;
  extra.key = "new.lever";
  extra.lever = "L42";
  infos.push_back(extra);
  const auto groups = group_levers(infos);
  REQUIRE(groups.back().id == "other");
  CHECK(groups.back().levers.back().key == "new.lever");
  // Groups come in the seed's order.
  CHECK(groups.front().id == "purchase");
}

TEST_CASE("Money levers with wide ranges get logarithmic sliders", "[viz][levers]") {
  const auto& schema = gov::governance_schema();
  CHECK(widget_for(schema.find("organizations.venture_budget_yuan")->info).logarithmic);
  CHECK_FALSE(widget_for(schema.find("admin.task_cut_share")->info).logarithmic);
  CHECK(std::string(widget_for(schema.find("admin.appraisals_per_year")->info).format) == "%.0f");
}

TEST_CASE("Per-category levers share one family text and name their category", "[viz][levers]") {
  const auto plain = lever_text_keys("admin.task_cut_share");
  CHECK(plain.label == "lever.admin.task_cut_share");
  CHECK(plain.category == -1);
  const auto family = lever_text_keys(std::string("catalogue.") + std::string(gov::info(0).key));
  CHECK(family.label == "lever_family.catalogue");
  CHECK(family.help == "lever_family_help.catalogue");
  CHECK(family.category == 0);
}
