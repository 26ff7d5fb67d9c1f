#include "models/governance/recording/street_outcomes.hpp"

namespace shanzhi::gov {
namespace {

struct StreetSums {
  double residents = 0;
  double satisfaction = 0;
  double trust_street = 0;
  double closed = 0;
  double unmet = 0;
  double wait = 0;
  double purchased_hours = 0;
  double budget = 0;  ///< Σ over communities, for the mean per community
  double communities = 0;

  void add(const CommunityWeekStats& w, double resident_count, double community_budget) {
    residents += resident_count;
    satisfaction += w.satisfaction_sum;
    trust_street += w.trust_street_sum;
    closed += w.served + w.unmet;
    unmet += w.unmet;
    wait += w.wait_sum_weeks;
    purchased_hours += w.purchased_hours;
    budget += community_budget;
    communities += 1;
  }
  StreetWeekOutcome outcome() const {
    auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    return {ratio(satisfaction, residents), ratio(unmet, closed),  ratio(wait, closed),
            ratio(trust_street, residents), purchased_hours,       ratio(budget, communities)};
  }
};

}  // namespace

std::vector<StreetWeekOutcome> street_week_outcomes(const ModelState& s) {
  std::vector<StreetSums> streets(s.layout.streets.size());
  StreetSums district;
  // Community order, as the recorder sums, so the figures do not depend on thread count.
  for (std::size_t c = 0; c < s.community_count() && c < s.stats.size(); ++c) {
    const auto& community = s.layout.communities[c];
    const double budget = s.catalogue.budget_of_street(community.street);
    streets[community.street].add(s.stats[c], community.resident_count, budget);
    district.add(s.stats[c], community.resident_count, budget);
  }
  std::vector<StreetWeekOutcome> out;
  out.reserve(streets.size() + 1);
  for (const auto& street : streets) out.push_back(street.outcome());
  out.push_back(district.outcome());
  return out;
}

}  // namespace shanzhi::gov
