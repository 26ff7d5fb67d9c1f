#include "models/governance/recording/breakdown_metrics.hpp"
#include "models/governance/state/category_reversion.hpp"

#include "models/governance/state/demography.hpp"

#include <array>

namespace shanzhi::gov {
namespace {

// Population groups reported (MODEL_BRIEF §6: age band, living alone, disability, minimum income,
// migrant), plus the vulnerable groups together and everyone else.
enum Group { age_0_14, age_15_59, age_60_79, age_80_plus, living_alone, disabled, low_income, migrant, vulnerable, others,
             group_count };
constexpr std::array<const char*, group_count> group_keys{
    "age_0_14", "age_15_59", "age_60_79", "age_80_plus", "living_alone_elderly", "disabled", "low_income", "migrant",
    "vulnerable", "not_vulnerable"};

struct Mean {
  double sum = 0, count = 0;
  void add(double x) { sum += x, count += 1; }
  double value() const { return count > 0 ? sum / count : 0.0; }
};

void add_groups(std::array<Mean, group_count>& groups, std::uint8_t cls, float satisfaction) {
  groups[static_cast<std::size_t>(age_of(cls))].add(satisfaction);
  const auto f = flags_of(cls);
  if (is_elderly(cls) && (f & flag::living_alone)) groups[living_alone].add(satisfaction);
  if (f & flag::disabled) groups[disabled].add(satisfaction);
  if (f & flag::low_income) groups[low_income].add(satisfaction);
  if (f & flag::migrant) groups[migrant].add(satisfaction);
  groups[is_vulnerable(cls) ? vulnerable : others].add(satisfaction);
}

void emit_levels(const ModelState& s, sim::BreakdownTable& table, int week) {
  const auto& r = s.residents;
  std::array<Mean, category_count> by_category;  // among residents who have used the category
  std::array<Mean, group_count> by_group;
  std::vector<Mean> by_street(s.layout.streets.size());
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    const auto& community = s.layout.communities[c];
    Mean satisfaction, trust;
    for (std::uint32_t i = community.first_resident; i < community.end_resident(); ++i) {
      satisfaction.add(r.satisfaction[i]);
      trust.add(r.trust_community[i]);
      add_groups(by_group, r.demographic_class[i], r.satisfaction[i]);
      for (int k = 0; k < category_count; ++k)
        if ((r.used_categories[i] >> k) & 1u)
          by_category[static_cast<std::size_t>(k)].add(category_satisfaction_at(r, s.reversion, i, k, s.week - 1));
    }
    by_street[community.street].sum += satisfaction.sum;
    by_street[community.street].count += satisfaction.count;
    const auto label = community_label(s.layout, c);
    table.add(week, "satisfaction_mean", "community", label, satisfaction.value());
    table.add(week, "trust_community_mean", "community", label, trust.value());
  }
  for (int k = 0; k < category_count; ++k)
    table.add(week, "satisfaction_mean", "category", std::string(info(k).key), by_category[static_cast<std::size_t>(k)].value());
  for (std::size_t g = 0; g < group_count; ++g) table.add(week, "satisfaction_mean", "group", group_keys[g], by_group[g].value());
  for (std::size_t t = 0; t < by_street.size(); ++t)
    table.add(week, "satisfaction_mean", "street", s.layout.streets[t].name, by_street[t].value());
}

}  // namespace

std::string community_label(const DistrictLayout& layout, std::size_t c) {
  const auto& street = layout.streets[layout.communities[c].street];
  std::size_t n = 0;
  while (street.communities[n] != c) ++n;
  return street.name + " #" + std::to_string(n + 1);
}

BreakdownRecorder::BreakdownRecorder(std::size_t communities) : by_community_(communities) {}

void BreakdownRecorder::accumulate(const ModelState& s) {
  for (std::size_t c = 0; c < s.community_count(); ++c)
    for (std::size_t k = 0; k < category_count; ++k) {
      by_community_[c].served[k] += s.stats[c].served_by_category[k];
      by_community_[c].unmet[k] += s.stats[c].unmet_by_category[k];
      by_community_[c].wait_sum[k] += s.stats[c].wait_sum_by_category[k];
    }
}

void BreakdownRecorder::emit(const ModelState& s, sim::BreakdownTable& table, int week) {
  emit_levels(s, table, week);
  Flows district;
  std::vector<Flows> streets(s.layout.streets.size());
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    const auto& f = by_community_[c];
    double closed = 0, unmet = 0;
    for (std::size_t k = 0; k < category_count; ++k) {
      closed += f.served[k] + f.unmet[k];
      unmet += f.unmet[k];
      for (auto* total : {&district, &streets[s.layout.communities[c].street]}) {
        total->served[k] += f.served[k];
        total->unmet[k] += f.unmet[k];
        total->wait_sum[k] += f.wait_sum[k];
      }
    }
    table.add(week, "unmet_need_share", "community", community_label(s.layout, c), closed > 0 ? unmet / closed : 0.0);
  }
  for (std::size_t t = 0; t < streets.size(); ++t) {
    double closed = 0, unmet = 0;
    for (std::size_t k = 0; k < category_count; ++k) closed += streets[t].served[k] + streets[t].unmet[k], unmet += streets[t].unmet[k];
    table.add(week, "unmet_need_share", "street", s.layout.streets[t].name, closed > 0 ? unmet / closed : 0.0);
  }
  for (int k = 0; k < category_count; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    const double closed = district.served[ku] + district.unmet[ku];
    const std::string key(info(k).key);
    table.add(week, "needs_closed", "category", key, closed);
    table.add(week, "unmet_need_share", "category", key, closed > 0 ? district.unmet[ku] / closed : 0.0);
    table.add(week, "wait_mean_weeks", "category", key, closed > 0 ? district.wait_sum[ku] / closed : 0.0);
  }
  for (auto& f : by_community_) f = Flows{};
}

std::size_t breakdown_rows_per_emit(std::size_t communities, std::size_t streets) {
  // Per community: satisfaction, trust, unmet need; per street: satisfaction, unmet need; per
  // category: satisfaction, needs closed, unmet need, wait; per group: satisfaction.
  return 3 * communities + 2 * streets + 4 * category_count + group_count;
}

std::size_t breakdown_emits(const RunParameters& run) {
  const auto weeks = static_cast<std::size_t>(run.weeks);
  const auto every = static_cast<std::size_t>(run.breakdown_every_weeks);
  if (every == 0) return 1;                       // the last week only
  return weeks / every + 1 + (weeks % every != 0);  // week 0, every `every`, and the last week
}

}  // namespace shanzhi::gov
