#include "core/classroom/class_run.hpp"

#include <algorithm>

namespace shanzhi::viz::classroom {

ClassRun::ClassRun(const gov::GovernanceParameters& scenario) : model_(scenario) {
  model_.run_burn_in();
  model_.record(0);
  outcomes_.push_back(gov::street_week_outcomes(model_.state()));
}

void ClassRun::apply(const StreetChoice& choice) { model_.set_street_lever(choice.street, choice.lever, choice.value); }

void ClassRun::advance_week() {
  if (model_.finished()) return;
  model_.step();
  model_.record(recorded_week());
  outcomes_.push_back(gov::street_week_outcomes(model_.state()));
}

ClassRun replay(const gov::GovernanceParameters& scenario, const ChoiceLog& log, int recorded_weeks) {
  ClassRun run(scenario);
  // The log is in the order the choices were made; a stable sort keeps that order within a week
  // (a later choice of the same lever in the same week wins, as it did live).
  ChoiceLog ordered = log;
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const StreetChoice& a, const StreetChoice& b) { return a.model_week < b.model_week; });
  auto next = ordered.begin();
  auto apply_due = [&] {
    for (; next != ordered.end() && next->model_week <= run.model_week(); ++next) run.apply(*next);
  };
  while (run.recorded_week() < recorded_weeks && !run.finished()) {
    apply_due();
    run.advance_week();
  }
  apply_due();
  return run;
}

}  // namespace shanzhi::viz::classroom
