// Social organisations founded without government money (MODEL_BRIEF §2.3 names only the
// venture-philanthropy call, fiscal_year.cpp; without other founding, every organisation that
// runs out of money would be gone for good and no pre-reform district could be settled).
// Each street has room for about `organizations.per_street` organisations living on fees,
// donations, volunteers and work outside the district (its niche), a professional share of them
// professional agencies; when closures leave a kind short, new ones of that kind are founded:
// each missing organisation is replaced within a month with chance 1 − exp(−rate/12), so a gap
// closes in 1/rate years on average [A]. Keeping the two niches apart keeps the mix of the start:
// agencies, which live less well on their own income, would otherwise vanish from a district that
// buys no services.

#include "models/governance/phases/phases.hpp"
#include "models/governance/state/random_purposes.hpp"

#include <cmath>
#include <vector>

namespace shanzhi::gov {

void found_niche_organizations(ModelState& s, const sim::CalendarDate& date) {
  const auto& o = s.params.organizations;
  const auto& col = s.organizations.columns;
  const std::size_t streets = s.layout.streets.size();
  std::vector<std::int64_t> professionals(streets, 0), grassroots(streets, 0);
  s.organizations.for_each_alive(
      [&](std::uint32_t slot) { ++(col.professional[slot] ? professionals : grassroots)[col.street[slot]]; });
  const auto professional_niche = std::lround(o.professional_share * static_cast<double>(o.per_street));
  const auto grassroots_niche = o.per_street - professional_niche;
  const double monthly_chance = 1.0 - std::exp(-o.founding_rate / sim::months_per_year);
  for (std::size_t street = 0; street < streets; ++street) {
    sim::RandomStream rng(s.seed, static_cast<std::uint32_t>(street), static_cast<std::uint32_t>(date.week),
                          purpose::background_founding);
    const auto fill = [&](std::int64_t gap, bool professional) {
      for (; gap > 0; --gap) {
        if (rng.uniform() >= monthly_chance) continue;
        found_organization(s, street, professional, rng, date.week);
        ++s.rolling.entries_now();
      }
    };
    fill(professional_niche - professionals[street], true);
    fill(grassroots_niche - grassroots[street], false);
  }
}

}  // namespace shanzhi::gov
