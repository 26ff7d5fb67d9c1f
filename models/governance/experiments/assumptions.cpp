#include "models/governance/experiments/assumptions.hpp"

#include "models/governance/spec/parameter_schema.hpp"
#include "sim/experiments/assumption_factors.hpp"

#include <algorithm>

namespace shanzhi::gov {
namespace {

namespace ex = sim::experiments;

sim::Diagnostic factor_error(const ex::Factor& factor, std::string message) {
  return {sim::Diagnostic::Severity::error, factor.where, factor.key, std::move(message)};
}

bool is_small_district_key(const std::string& key) {
  const auto& settings = small_district_settings();
  return std::any_of(settings.begin(), settings.end(), [&](const auto& s) { return s.first == key; });
}

}  // namespace

const std::vector<ex::Setting>& small_district_settings() {
  static const std::vector<ex::Setting> settings{
      {"district.streets", std::int64_t{2}},
      {"district.communities_per_street", std::int64_t{2}},
      {"district.residents_per_community", std::int64_t{3000}},
      {"district.residents_per_compound", std::int64_t{1500}},
      {"organizations.per_street", std::int64_t{8}},
  };
  return settings;
}

std::string small_district_description() {
  return "2 streets × 2 communities × 3,000 residents, as in scenarios/small_district.toml";
}

std::vector<ex::Factor> default_assumption_factors() {
  return ex::plausible_range_factors(governance_schema().infos());
}

std::vector<sim::Diagnostic> check_assumption_factors(const std::vector<ex::Factor>& factors,
                                                      const std::vector<const LoadedScenario*>& arms,
                                                      AssumptionDistrict district) {
  const auto& schema = governance_schema();
  std::vector<sim::Diagnostic> problems;
  for (const auto& factor : factors) {
    const auto* entry = schema.find(factor.key);
    if (!entry) continue;  // unknown keys were reported when the file was read
    if (entry->info.role == sim::ParamRole::control) {
      problems.push_back(factor_error(factor, "is a control key (how the runs are made, not an assumption of the "
                                              "model); it cannot be varied across draws"));
      continue;
    }
    if (district == AssumptionDistrict::small && is_small_district_key(factor.key)) {
      problems.push_back(factor_error(factor, "is set by the small district the draws run on; vary it with "
                                              "--assumption-district scenario"));
      continue;
    }
    const auto base_value = entry->get(arms.front()->parameters);
    for (std::size_t a = 1; a < arms.size(); ++a)
      if (entry->get(arms[a]->parameters) != base_value) {
        problems.push_back(factor_error(factor, "differs between " + arms.front()->document.name + " and " +
                                                    arms[a]->document.name +
                                                    ": setting it in both arms would erase that part of the policy"));
        break;
      }
  }
  return problems;
}

ex::ArmsAtPoint arms_at_point(std::vector<sim::ScenarioDocument> arms, AssumptionDistrict district) {
  std::vector<ex::Setting> fixed;
  if (district == AssumptionDistrict::small) fixed = small_district_settings();
  return [arms = std::move(arms), fixed = std::move(fixed)](const std::vector<ex::Setting>& settings) {
    std::vector<ex::Setting> all = fixed;
    all.insert(all.end(), settings.begin(), settings.end());
    std::vector<GovernanceParameters> parameters;
    for (const auto& arm : arms) parameters.push_back(parameters_with(arm, with_weights_rescaled(arm, all)));
    return ex::ReplicateRunner([parameters = std::move(parameters)](std::uint64_t seed) { return run_arms(parameters, seed); });
  };
}

}  // namespace shanzhi::gov
