// Initial state of residents, workers, social organisations and enterprises. Every draw is keyed
// by the entity, so the same seed gives the same district however the work is split.

#include "models/governance/phases/phases.hpp"
#include "models/governance/state/random_purposes.hpp"
#include "models/governance/phases/satisfaction.hpp"
#include "sim/parallel.hpp"

#include <algorithm>
#include <cmath>

namespace shanzhi::gov {
namespace {

using sim::RandomStream;

float clamp_points(double x) { return static_cast<float>(std::clamp(x, 0.0, 100.0)); }

double working_age_share(const DistrictParameters& d) {
  return 1.0 - d.share_age_0_14 - d.share_age_60_79 - d.share_age_80_plus;
}

AgeBand draw_age(const DistrictParameters& d, double u) {
  if (u < d.share_age_0_14) return AgeBand::child_0_14;
  u -= d.share_age_0_14;
  if (u < d.share_age_80_plus) return AgeBand::oldest_80_plus;
  u -= d.share_age_80_plus;
  if (u < d.share_age_60_79) return AgeBand::young_old_60_79;
  return AgeBand::adult_15_59;
}

std::uint8_t draw_flags(const DistrictParameters& d, AgeBand age, RandomStream& rng) {
  std::uint8_t f = 0;
  const bool elderly = age >= AgeBand::young_old_60_79;
  if (elderly && rng.uniform() < d.living_alone_share_of_elderly) f |= flag::living_alone;
  // Disability is more common among the oldest old (district.disability_factor_80_plus).
  const double disability = d.disability_share * (age == AgeBand::oldest_80_plus ? d.disability_factor_80_plus : 1.0);
  if (rng.uniform() < disability) f |= flag::disabled;
  if (rng.uniform() < d.low_income_share) f |= flag::low_income;
  // Migrants are all of working age: among 15–59-year-olds their share is migrant_share over the
  // working-age share, so that they make up migrant_share of all residents.
  if (age == AgeBand::adult_15_59 && rng.uniform() < d.migrant_share / working_age_share(d)) f |= flag::migrant;
  return f;
}

void initialize_resident(ModelState& s, std::uint32_t i, std::uint16_t community) {
  const auto& p = s.params;
  auto& r = s.residents;
  RandomStream rng(s.seed, i, 0, purpose::initial_resident);
  const AgeBand age = draw_age(p.district, rng.uniform());
  r.community[i] = community;
  r.demographic_class[i] = make_class(age, draw_flags(p.district, age, rng));

  const float prior = clamp_points(rng.normal(p.satisfaction.initial_mean, p.satisfaction.initial_sd));
  r.prior[i] = prior;
  r.satisfaction[i] = prior;
  float* sk = r.categories_of(i);
  float* ek = r.expectations_of(i);
  float* nk = r.normatives_of(i);
  const auto& sp = p.satisfaction;
  for (int k = 0; k < category_count; ++k) {
    sk[k] = clamp_points(prior + rng.normal(0, sp.initial_category_sd));
    ek[k] = clamp_points(sp.initial_mean + rng.normal(0, sp.initial_expectation_sd));
    nk[k] = clamp_points(ek[k] - sp.initial_normative_gap);  // the floor sits below what people predict
  }
  r.used_categories[i] = 0;
  r.categories_week[i] = -1;
  r.satisfaction_stale[i] = 1;
  r.last_performance[i] = prior;
  r.last_disconfirmation[i] = 0;
  r.acsi_disconfirmation_item[i] = acsi_disconfirmation_item(0.0f);
  r.last_category[i] = 0;

  // Hierarchical trust (T_dist ≥ T_street ≥ T_comm) for a share of residents [S17].
  const auto& tp = p.trust;
  const float t = clamp_points(rng.normal(tp.initial_mean, tp.initial_sd));
  r.trust_community[i] = t;
  if (rng.uniform() < tp.hierarchical_share) {
    r.trust_street[i] = clamp_points(t + tp.hierarchical_step_max * rng.uniform());
    r.trust_district[i] = clamp_points(r.trust_street[i] + tp.hierarchical_step_max * rng.uniform());
  } else {
    r.trust_street[i] = clamp_points(t + rng.normal(0, tp.level_sd));
    r.trust_district[i] = clamp_points(t + rng.normal(0, tp.level_sd));
  }
  r.belonging[i] = clamp_points(rng.normal(p.participation.initial_belonging_mean, p.participation.initial_belonging_sd));
}

}  // namespace

void initialize_population(ModelState& s) {
  s.residents.resize(s.layout.resident_count);
  s.reversion.set(static_cast<float>(s.params.satisfaction.weekly_reversion));
  const int communities = static_cast<int>(s.community_count());
  sim::parallel_for_blocks(communities, [&](int c) {
    const auto& community = s.layout.communities[static_cast<std::size_t>(c)];
    for (std::uint32_t i = community.first_resident; i < community.end_resident(); ++i)
      initialize_resident(s, i, static_cast<std::uint16_t>(c));
    // The first adult of each resident group (居民小组) is its leader.
    for (std::uint32_t g = community.first_resident; g < community.end_resident(); g += s.layout.residents_per_group) {
      const std::uint32_t end = std::min(g + s.layout.residents_per_group, community.end_resident());
      for (std::uint32_t i = g; i < end; ++i)
        if (age_of(s.residents.demographic_class[i]) == AgeBand::adult_15_59) {
          s.residents.is_group_leader[i] = 1;
          break;
        }
    }
  });
}

void initialize_workforce(ModelState& s) {
  const auto& w = s.params.workforce;
  s.workers_by_community.assign(s.community_count(), {});
  s.vacancies.assign(s.community_count(), {});
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    const auto& community = s.layout.communities[c];
    const auto posts = std::max<long>(1, std::lround(community.resident_count * w.workers_per_10k_residents / 10000.0));
    const auto committee = std::lround(static_cast<double>(posts) * s.params.admin.committee_share_of_staff);
    for (long k = 0; k < posts; ++k) {
      RandomStream rng(s.seed, static_cast<std::uint32_t>(c * 1000 + static_cast<std::size_t>(k)), 0,
                       purpose::initial_worker);
      const auto id = s.workers.create();
      auto& col = s.workers.columns;
      col.community[id.index] = static_cast<std::uint16_t>(c);
      col.skill[id.index] = static_cast<float>(w.initial_skill_min + w.initial_skill_width * rng.uniform());
      col.certification_draw[id.index] = static_cast<float>(rng.uniform());
      col.exam_certified[id.index] = 0;
      col.pool[id.index] = k < committee ? WorkerPool::committee : WorkerPool::workstation;
      col.burnout[id.index] = static_cast<float>(w.initial_burnout_min + w.initial_burnout_width * rng.uniform());
      col.hired_week[id.index] = -static_cast<std::int32_t>(rng.below(static_cast<std::uint32_t>(w.initial_tenure_max_weeks)));
      s.workers_by_community[c].push_back(id.index);
    }
  }
}

double organization_monthly_cost(const GovernanceParameters& p, double staff) {
  return staff * p.organizations.wage_yuan_per_month * (1.0 + p.organizations.overhead_share);
}

double other_income_level(const OrganizationParameters& op, float embeddedness, sim::RandomStream& rng) {
  // exp(N(−σ²/2, σ)) has mean 1: the spread leaves the district mean where the key puts it.
  const double sd = op.income_spread_sd;
  return op.other_income_yuan_per_month * (op.income_base_factor + embeddedness) * std::exp(rng.normal(0, sd) - sd * sd / 2);
}

void found_organization(ModelState& s, std::size_t street, bool professional, sim::RandomStream& rng, int week) {
  const auto& o = s.params.organizations;
  const auto id = s.organizations.create();
  auto& col = s.organizations.columns;
  col.street[id.index] = static_cast<std::uint16_t>(street);
  col.professional[id.index] = professional;
  // Professional agencies are larger and better; grassroots groups are more rooted [A].
  col.quality[id.index] = static_cast<float>(
      professional ? o.initial_quality_professional_min + o.initial_quality_professional_width * rng.uniform()
                   : o.initial_quality_grassroots_min + o.initial_quality_grassroots_width * rng.uniform());
  col.embeddedness[id.index] = static_cast<float>(
      professional ? o.initial_embeddedness_professional_min + o.initial_embeddedness_professional_width * rng.uniform()
                   : o.initial_embeddedness_grassroots_min + o.initial_embeddedness_grassroots_width * rng.uniform());
  col.staff[id.index] = static_cast<float>(
      std::max(1.0, std::round(o.mean_staff * (professional ? o.staff_factor_professional : o.staff_factor_grassroots))));
  col.cash_yuan[id.index] = o.initial_reserve_months * organization_monthly_cost(s.params, col.staff[id.index]);
  col.other_income_yuan_per_month[id.index] = static_cast<float>(other_income_level(o, col.embeddedness[id.index], rng));
  col.founded_week[id.index] = week;
  assign_organization_field(s, id.index, week);
}

void assign_organization_field(ModelState& s, std::uint32_t slot, int week) {
  // Its own stream, keyed by slot and week: the founders' other draws stay as they were.
  sim::RandomStream rng(s.seed, slot, static_cast<std::uint32_t>(week), purpose::organization_field);
  s.organizations.columns.field[slot] = static_cast<std::uint8_t>(rng.below(static_cast<std::uint32_t>(category_count)));
}

void initialize_organizations(ModelState& s) {
  const auto& o = s.params.organizations;
  std::uint32_t serial = 0;
  for (std::size_t street = 0; street < s.layout.streets.size(); ++street) {
    for (std::int64_t k = 0; k < o.per_street; ++k, ++serial) {
      RandomStream rng(s.seed, serial, 0, purpose::initial_organization);
      const bool professional = rng.uniform() < o.professional_share;
      const auto founded = -static_cast<std::int32_t>(rng.below(static_cast<std::uint32_t>(o.initial_age_max_weeks)));
      found_organization(s, street, professional, rng, founded);
    }
  }
}

void initialize_enterprises(ModelState& s) {
  const auto& e = s.params.enterprises;
  // No provider is perfect, and none useless: quality stays within 1 − max and max.
  const double max_quality = s.params.services.max_provider_quality;
  const auto per_compound = static_cast<std::uint32_t>(s.params.district.residents_per_compound);
  for (std::size_t c = 0; c < s.community_count(); ++c) {
    const auto& community = s.layout.communities[c];
    std::uint32_t serial = 0;
    for (std::uint32_t start = 0; start < community.resident_count; start += per_compound, ++serial) {
      RandomStream rng(s.seed, static_cast<std::uint32_t>(c * 100000 + serial), 0, purpose::enterprise_init);
      PropertyCompany company;
      company.community = static_cast<std::uint32_t>(c);
      company.residents = std::min(per_compound, community.resident_count - start);
      company.quality = static_cast<float>(std::clamp(rng.normal(e.property_quality_mean, e.property_quality_sd),
                                                      1.0 - max_quality, max_quality));
      s.enterprises.property_companies.push_back(company);
    }
    for (std::int64_t u = 0; u < e.resident_units_per_community; ++u) {
      // Tick 1 keeps unit draws apart from the property companies' (tick 0).
      RandomStream rng(s.seed, static_cast<std::uint32_t>(c * 1000 + static_cast<std::size_t>(u)), 1,
                       purpose::enterprise_init);
      s.enterprises.resident_units.push_back(
          ResidentUnit{static_cast<std::uint32_t>(c), static_cast<float>(rng.normal(0, e.csr_logit_sd)), false});
    }
  }
}

}  // namespace shanzhi::gov
