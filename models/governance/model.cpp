#include "models/governance/model.hpp"

#include "models/governance/recording/governance_metrics.hpp"
#include "models/governance/spec/parameter_schema.hpp"
#include "models/governance/phases/phases.hpp"
#include "models/governance/spin_up.hpp"

#include <stdexcept>

namespace shanzhi::gov {

GovernanceModel::GovernanceModel(const GovernanceParameters& scenario)
    : scenario_(scenario),
      breakdown_recorder_(static_cast<std::size_t>(scenario.district.streets * scenario.district.communities_per_street)) {
  auto& s = state_;
  s.params = scenario.run.burn_in_weeks > 0 ? governance_schema().with_levers_pre_reform(scenario) : scenario;
  s.seed = static_cast<std::uint64_t>(scenario.run.seed);
  s.layout = build_layout(s.params);
  s.street_levers.resize(s.layout.streets.size());
  s.demography = build_demography_tables(s.params);
  const std::size_t communities = s.community_count();
  s.queues.resize(communities);
  s.stats.resize(communities);
  s.work.resize(communities);
  s.external_capacity.resize(communities);
  s.appraisals.resize(communities);
  s.news.resize(communities);
  s.records_hours_this_quarter.assign(communities, 0.0);
  s.last_provider.assign(communities * category_count, OrganizationId{});
  s.contract_admin_hours_per_week.assign(communities, 0.0);
  s.complaints_this_month.assign(communities, 0);
  s.purchase_idle_yuan_this_year.assign(communities, 0.0);
  initialize_population(s);
  initialize_workforce(s);
  initialize_organizations(s);
  initialize_enterprises(s);
  adjust_social_work_posts(s);
  if (scenario.run.spin_up_years > 0) draw_settled_state(s, scenario);
  s.events.push_back({0, scenario.run.burn_in_weeks > 0 ? "burn-in: levers at pre-reform values" : "scenario levers"});
  declare_metrics(recorder_);
  build_schedule();
}

GovernanceModel::GovernanceModel(const GovernanceModel& settled, const GovernanceParameters& scenario)
    : scenario_(scenario), state_(settled.state_), breakdown_recorder_(settled.state_.community_count()) {
  if (settled.burn_in_weeks() == 0 || settled.week() != settled.burn_in_weeks() || settled.recorder_.row_count() > 0)
    throw std::invalid_argument("a model can only be continued from the end of a burn-in, before recording");
  if (scenario.run.seed != settled.scenario_.run.seed || !same_until_reform(scenario, settled.scenario_))
    throw std::invalid_argument("the scenario differs from the settled model's before the reform");
  state_.params.run = scenario.run;
  declare_metrics(recorder_);
  build_schedule();
}

GovernanceModel::GovernanceModel(GovernanceModel&& other) noexcept
    : scenario_(std::move(other.scenario_)),
      state_(std::move(other.state_)),
      recorder_(std::move(other.recorder_)),
      breakdown_recorder_(std::move(other.breakdown_recorder_)),
      breakdown_table_(std::move(other.breakdown_table_)) {
  build_schedule();
}

void GovernanceModel::build_schedule() {
  using sim::Cadence;
  auto phase = [this](auto fn) { return [this, fn](const sim::CalendarDate& d) { fn(state_, d); }; };
  schedule_.add("open fiscal year", Cadence::year_start, phase(open_fiscal_year));
  schedule_.add("needs", Cadence::weekly, phase(arrive_needs));
  schedule_.add("deliberation", Cadence::weekly, phase(run_deliberation));
  schedule_.add("contracts and capacity", Cadence::weekly, phase(pay_contracts_and_plan_capacity));
  schedule_.add("worker time", Cadence::weekly, phase(allocate_worker_time));
  schedule_.add("public costs", Cadence::weekly, phase(accrue_public_costs));
  schedule_.add("service delivery", Cadence::weekly, phase(deliver_services));
  schedule_.add("convenience fees", Cadence::weekly, phase(collect_convenience_fees));
  schedule_.add("meetings", Cadence::weekly, phase(hold_meetings));
  schedule_.add("residents", Cadence::weekly, phase(update_residents));
  schedule_.add("workforce", Cadence::weekly, phase(update_workforce));
  schedule_.add("organisation finances", Cadence::monthly, phase(settle_organization_finances));
  schedule_.add("organisation founding", Cadence::monthly, phase(found_niche_organizations));
  schedule_.add("facility sharing", Cadence::monthly, phase(decide_facility_sharing));
  schedule_.add("property responsiveness", Cadence::monthly, phase(improve_property_services));
  schedule_.add("appraisal", Cadence::quarterly, phase(appraise_communities));
  schedule_.add("service news", Cadence::quarterly, phase(spread_service_news));
  schedule_.add("organisation development", Cadence::quarterly, phase(develop_organizations));
  schedule_.add("close fiscal year", Cadence::yearly, phase(close_fiscal_year));
}

void GovernanceModel::step() {
  auto& s = state_;
  if (s.week == burn_in_weeks() && s.week > 0) apply_policy(scenario_, "reforms take effect (end of burn-in)");
  s.rolling.start_week(s.week);
  schedule_.step(sim::date_of_week(s.week));
  ++s.week;
}

void GovernanceModel::apply_policy(const GovernanceParameters& params, std::string label) {
  auto& s = state_;
  // Structure is fixed once built: keep the district, the seed and the horizon.
  GovernanceParameters next = params;
  next.run = s.params.run;
  next.district = s.params.district;
  s.params = next;
  s.demography = build_demography_tables(s.params);
  assign_policy_flags(s.layout, s.params);
  adjust_social_work_posts(s);
  s.events.push_back({s.week, std::move(label)});
}

void GovernanceModel::set_street_lever(std::size_t street, StreetLever lever, double value) {
  auto& s = state_;
  if (street >= s.street_levers.size())
    throw std::invalid_argument("street " + std::to_string(street) + " does not exist (the district has " +
                                std::to_string(s.street_levers.size()) + ")");
  const std::string key(street_lever_key(lever));
  const auto* entry = governance_schema().find(key);
  const std::string problem = entry->info.check(sim::ParamValue{value});
  if (!problem.empty()) throw std::invalid_argument(key + ": " + problem);
  s.street_levers[street][lever] = value;
  s.events.push_back({s.week, s.layout.streets[street].name + ": " + key + " = " + std::to_string(value)});
}

void GovernanceModel::record(int recorded_week) {
  record_metrics(state_, recorder_, recorded_week);
  breakdown_recorder_.accumulate(state_);
  const auto every = state_.params.run.breakdown_every_weeks;
  const bool last = recorded_week == horizon_weeks();
  if (last || (every > 0 && recorded_week % every == 0))
    breakdown_recorder_.emit(state_, breakdown_table_, recorded_week);
}

void GovernanceModel::run_burn_in() {
  while (week() < burn_in_weeks()) step();
}

void GovernanceModel::run_recorded() {
  record(0);
  while (!finished()) {
    step();
    record(week() - burn_in_weeks());
  }
}

void GovernanceModel::run_to_end() {
  run_burn_in();
  run_recorded();
}

}  // namespace shanzhi::gov
