// One policy's part of the brief: what it changes, the effects, over time, for whom, the cost and
// how much the effects depend on the model's assumptions.

#include "cli/brief/brief_parts.hpp"
#include "cli/brief/brief_words.hpp"
#include "cli/brief/svg_chart.hpp"
#include "models/governance/bilingual/phrase.hpp"
#include "sim/experiments/assumption_comparison.hpp"
#include "sim/experiments/reported_precision.hpp"
#include "sim/experiments/timeseries_bands.hpp"
#include "sim/output/run_outputs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace shanzhi::cli::brief {
namespace {

namespace ex = sim::experiments;
using sim::Language;

constexpr const char* satisfaction = "satisfaction_mean";
constexpr const char* vulnerable_satisfaction = "satisfaction_vulnerable_mean";
constexpr const char* baseline_colour = "#6b6b6b";
constexpr const char* policy_colour = "#1f5fa8";

/// Text the interval supports: "+1.9", "1.4", "2.3" for a mean of 1.87 ± 0.42.
struct EffectText {
  std::string mean, low, high;
};

EffectText effect_text(const ex::MeanInterval& d, const std::string& unit, Language language) {
  const double h = d.half_width;
  return {ex::shown_value(d.mean, unit, h, true, language), ex::shown_value(d.mean - h, unit, h, false, language),
          ex::shown_value(d.mean + h, unit, h, false, language)};
}

/// "mean [low, high]", or the mean alone when the interval is narrower than the digits shown.
std::string with_interval(const std::string& mean, const std::string& low, const std::string& high) {
  return low == high ? mean : mean + " [" + low + ", " + high + "]";
}

std::string effect_cell(const ex::MeanInterval& d, const std::string& unit, Language language) {
  const auto t = effect_text(d, unit, language);
  return escaped(with_interval(t.mean, t.low, t.high));
}

bool includes_zero(const ex::MeanInterval& d) { return std::fabs(d.mean) <= d.half_width; }

/// Yuan for small sums (per resident): "¥12" or "¥12.4", to the digits the interval supports.
std::string yuan(double value, double half_width, Language language, bool with_sign = false) {
  if (std::fabs(value) >= 1e4) return ex::shown_value(value, "CNY", half_width, with_sign, language);
  const int decimals = ex::supported_decimals(half_width, 2);
  char text[64];
  const char* sign = value < 0 ? "-" : with_sign && value > 0 ? "+" : "";
  std::snprintf(text, sizeof text, "%s¥%.*f", sign, decimals, std::fabs(value));
  return text;
}

std::string verdict_text(const ex::MetricComparison& m, Language language) {
  switch (ex::precision_of(m)) {
    case ex::Precision::enough: return word("t.enough", language);
    case ex::Precision::no_effect: return word("t.no_effect", language);
    case ex::Precision::sign_clear: return word("t.sign_clear", language);
    case ex::Precision::one_replicate: break;
  }
  return word("t.one_replicate", language);
}

std::string cost_sentence(const BriefInput& in, std::size_t p, Language language);
std::string ce_sentence(const ex::CostEffectiveness& ce, Language language);

std::string summary(const BriefInput& in, std::size_t p, Language language) {
  const auto& c = in.results.comparisons[p];
  std::string items;
  const auto sentence = [&](const char* metric, const char* key) {
    const auto* m = ex::find_metric(c, metric);
    if (!m) return;
    const auto t = effect_text(m->difference, m->metric.unit, language);
    std::string text = filled(word(key, language), {t.mean, t.low, t.high});
    if (includes_zero(m->difference)) text += " " + word("s.no_effect", language);
    items += element("li", text);
  };
  sentence(satisfaction, "s.satisfaction");
  sentence(vulnerable_satisfaction, "s.vulnerable");
  const auto groups = ex::breakdown_cells(c, satisfaction, "group");
  if (groups.size() >= 2) {
    const auto [least, most] = std::minmax_element(groups.begin(), groups.end(), [](const auto* a, const auto* b) {
      return a->difference.mean < b->difference.mean;
    });
    const auto show = [&](const ex::BreakdownComparison* b) {
      return effect_text(b->difference, "points", language).mean;
    };
    items += element("li", filled(word("s.groups_most", language), {group_name((*most)->key, language), show(*most),
                                                                    group_name((*least)->key, language), show(*least)}));
  }
  items += element("li", cost_sentence(in, p, language));
  items += element("li", ce_sentence(in.results.cost_effectiveness[p], language));
  return "<ul class=\"summary\">" + items + "</ul>";
}

std::string changes_table(const BriefInput& in, std::size_t p, Language language) {
  const auto& base = in.loaded.base.document.values;
  std::vector<std::vector<std::string>> rows;
  for (const auto& [key, entry] : in.loaded.policies[p].document.values) {
    const auto b = base.find(key);
    if (b != base.end() && b->second.first == entry.first) continue;
    const auto* phrase = gov::find_phrase("lever." + key);
    const std::string name = phrase ? std::string(language == Language::zh ? phrase->zh : phrase->en) + " (" + key + ")" : key;
    rows.push_back({escaped(name), escaped(sim::format_value(entry.first)), escaped(entry.second.describe())});
  }
  if (rows.empty()) return "";
  return element("h3", word("h.changes", language)) +
         html_table({word("t.key", language), word("t.value", language), word("t.source", language)}, rows);
}

std::string headline_table(const BriefInput& in, std::size_t p, Language language) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : in.results.comparisons[p].metrics) {
    if (!m.metric.headline) continue;
    const auto& u = m.metric.unit;
    rows.push_back({escaped(metric_name(m.metric.name, language)),
                    escaped(ex::shown_value(m.baseline_summary.mean, u, m.baseline_summary.half_width, false, language)),
                    escaped(ex::shown_value(m.policy_summary.mean, u, m.policy_summary.half_width, false, language)),
                    effect_cell(m.difference, u, language), escaped(verdict_text(m, language))});
  }
  return element("h3", word("h.headline", language)) +
         html_table({word("t.metric", language), word("t.baseline", language), word("t.policy", language),
                     word("t.difference", language), word("t.replicates", language)},
                    rows, "numbers");
}

/// The baseline, policy or difference line of `metric` over the weeks, with its band.
TimeSeriesLine band_line(const std::vector<ex::TimeBand>& bands, std::size_t metric, ex::Arm arm) {
  TimeSeriesLine line;
  for (const auto& b : bands) {
    if (b.metric != metric || b.arm != arm) continue;
    line.week.push_back(b.week);
    line.mean.push_back(b.band.mean);
    line.lo.push_back(b.band.mean - b.band.half_width);
    line.hi.push_back(b.band.mean + b.band.half_width);
  }
  return line;
}

std::string over_time(const BriefInput& in, std::size_t p, Language language) {
  const auto& c = in.results.comparisons[p];
  const auto* m = ex::find_metric(c, satisfaction);
  if (!m) return "";
  const auto index = static_cast<std::size_t>(m - c.metrics.data());
  const auto bands = ex::timeseries_bands(c);
  TimeChart levels{word("c.satisfaction", language), word("c.week", language), word("c.points", language),
                   sim::ValueKind::number, language, {}, false};
  auto base = band_line(bands, index, ex::Arm::baseline);
  base.label = word("t.baseline", language), base.colour = baseline_colour, base.dashed = true;
  auto policy = band_line(bands, index, ex::Arm::policy);
  policy.label = word("t.policy", language), policy.colour = policy_colour;
  levels.lines = {base, policy};
  TimeChart difference{word("c.satisfaction_difference", language), word("c.week", language),
                       word("c.difference", language), sim::ValueKind::number, language, {}, true};
  auto diff = band_line(bands, index, ex::Arm::difference);
  diff.label = word("c.difference", language), diff.colour = policy_colour;
  difference.lines = {diff};
  return element("h3", word("h.over_time", language)) + "<figure>" + time_chart_svg(levels) + "</figure><figure>" +
         time_chart_svg(difference) + "</figure>";
}

std::string row_label(const ex::BreakdownComparison& b, Language language) {
  if (b.breakdown == "group") return group_name(b.key, language);
  if (b.breakdown == "category") return category_name(b.key, language);
  return b.key;  // streets and communities carry both names already ("东关 Dongguan #3")
}

std::string interval_figure(const ex::Comparison& c, const std::string& breakdown, const char* title, Language language) {
  IntervalChart chart{word(title, language), word("c.effect_points", language), sim::ValueKind::number, language, {}};
  for (const auto* b : ex::breakdown_cells(c, satisfaction, breakdown))
    chart.rows.push_back({row_label(*b, language), b->difference.mean, b->difference.mean - b->difference.half_width,
                          b->difference.mean + b->difference.half_width});
  if (chart.rows.empty()) return "";
  return "<figure>" + interval_chart_svg(chart) + "</figure>";
}

std::string for_whom(const BriefInput& in, std::size_t p, Language language) {
  const auto& c = in.results.comparisons[p];
  const auto communities = ex::breakdown_cells(c, satisfaction, "community");
  std::string html = element("h3", word("h.for_whom", language)) + interval_figure(c, "group", "c.by_group", language) +
                     interval_figure(c, "street", "c.by_street", language) +
                     interval_figure(c, "category", "c.by_category", language);
  if (!communities.empty())
    html += "<details><summary>" + escaped(filled(word("c.all_communities", language), {std::to_string(communities.size())})) +
            "</summary>" + interval_figure(c, "community", "c.by_community", language) + "</details>";
  return html + element("p", word("c.hollow", language));
}

std::string ce_sentence(const ex::CostEffectiveness& ce, Language language) {
  if (!ce.available) return filled(word("ce.unclear", language), {ce.unavailable_reason});
  const auto& q = ce.points_per_million;
  const double half = std::max(q.high - q.ratio, q.ratio - q.low);
  const auto n = [&](double x) { return ex::shown_value(std::fabs(x), "points", half, false, language); };
  switch (ce.quadrant) {
    case ex::CostQuadrant::gain: return filled(word("ce.gain", language), {n(q.ratio), n(q.low), n(q.high)});
    case ex::CostQuadrant::saving: return filled(word("ce.saving", language), {n(q.ratio), n(q.high), n(q.low)});
    case ex::CostQuadrant::dominant: return word("ce.dominant", language);
    case ex::CostQuadrant::dominated: return word("ce.dominated", language);
    case ex::CostQuadrant::none: break;
  }
  return filled(word("ce.unclear", language), {ce.unavailable_reason});
}

std::vector<std::string> money_row(const std::string& label, const ex::MetricComparison* m, double scale, Language language) {
  if (!m) return {};
  const auto show = [&](const ex::MeanInterval& i, bool sign) {
    return escaped(yuan(i.mean * scale, i.half_width * scale, language, sign));
  };
  const auto& d = m->difference;
  const double h = d.half_width * scale;
  return {escaped(label), show(m->baseline_summary, false), show(m->policy_summary, false),
          escaped(with_interval(yuan(d.mean * scale, h, language, true), yuan((d.mean - d.half_width) * scale, h, language),
                                yuan((d.mean + d.half_width) * scale, h, language)))};
}

std::string cost(const BriefInput& in, std::size_t p, Language language) {
  const auto& c = in.results.comparisons[p];
  const auto& ce = in.results.cost_effectiveness[p];
  const auto* total = ex::find_metric(c, ce.spending_metric);
  const auto* per_resident = ce.per_resident_metric.empty() ? nullptr : ex::find_metric(c, ce.per_resident_metric);
  const double communities = static_cast<double>(community_count(in.loaded.base));
  std::vector<std::vector<std::string>> rows;
  for (auto row : {money_row(word("t.total_year", language), total, 1, language),
                   money_row(word("t.per_resident", language), per_resident, 1, language),
                   money_row(word("t.per_community", language), total, communities > 0 ? 1 / communities : 0, language)})
    if (!row.empty()) rows.push_back(std::move(row));
  return element("h3", word("h.cost", language)) +
         html_table({word("t.item", language), word("t.baseline", language), word("t.policy", language),
                     word("t.difference", language)},
                    rows, "numbers") +
         element("p", ce_sentence(ce, language));
}

std::string cost_sentence(const BriefInput& in, std::size_t p, Language language) {
  const auto& c = in.results.comparisons[p];
  const auto& ce = in.results.cost_effectiveness[p];
  const auto* total = ex::find_metric(c, ce.spending_metric);
  if (!total) return "";
  const auto& d = total->difference;
  if (d.mean == 0 && d.half_width == 0) return word("s.cost_same", language);
  const auto& r = ce.spending_per_resident_difference;
  const double communities = static_cast<double>(std::max<std::int64_t>(1, community_count(in.loaded.base)));
  const auto low = yuan(d.mean - d.half_width, d.half_width, language);
  const auto high = yuan(d.mean + d.half_width, d.half_width, language);
  // Accounting of a fixed budget can be the same in every replicate: no interval to show then.
  const std::vector<std::string> values{yuan(d.mean, d.half_width, language, true), low, high,
                                        yuan(r.mean, r.half_width, language, true),
                                        yuan(d.mean / communities, d.half_width / communities, language, true)};
  if (low == high) return filled(word("s.cost_exact", language), {values[0], values[3], values[4]});
  return filled(word("s.cost", language), values);
}

std::string band_text(double lo, double hi, const std::string& unit, Language language) {
  const double precision = std::max(std::fabs(hi - lo) / 4, 1e-12);
  return ex::shown_value(lo, unit, precision, true, language) + " … " + ex::shown_value(hi, unit, precision, true, language);
}

std::string assumption_table(const AssumptionResults& a, std::size_t p, Language language) {
  std::vector<std::vector<std::string>> rows;
  const auto& metrics = a.draws.metrics;
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    if (!metrics[m].headline || p >= a.draws.spreads.size()) continue;
    const auto& e = a.draws.spreads[p].metrics[m];
    const auto& u = metrics[m].unit;
    const double shown = a.shown_effects[p][m];
    char share[32];
    std::snprintf(share, sizeof share, "%.0f%%", 100 * e.share_with_sign_of(shown));
    rows.push_back({escaped(metric_name(metrics[m].name, language)),
                    escaped(ex::shown_value(shown, u, std::fabs(e.spread.q90 - e.spread.q10) / 4, true, language)),
                    escaped(band_text(e.spread.q10, e.spread.q90, u, language)),
                    escaped(band_text(e.spread.q2_5, e.spread.q97_5, u, language)), share});
  }
  return html_table({word("t.metric", language), word("t.at_values", language), word("t.band80", language),
                     word("t.band95", language), word("t.same_sign", language)},
                    rows, "numbers");
}

std::string drivers_table(const AssumptionResults& a, std::size_t p, Language language) {
  std::size_t metric = a.draws.metrics.size();
  for (std::size_t m = 0; m < a.draws.metrics.size(); ++m)
    if (a.draws.metrics[m].name == satisfaction) metric = m;
  if (metric == a.draws.metrics.size()) return "";
  const auto associations = ex::associations_with_effect(a.draws, p, metric);
  const double noise_level = ex::association_noise_level(a.draws.draws.size());
  std::vector<std::vector<std::string>> rows;
  // Only what stands out of the noise of K draws: a list of noise would name assumptions at random.
  for (std::size_t i = 0; i < associations.size() && i < 6 && std::fabs(associations[i].rho) >= noise_level; ++i) {
    const auto& f = a.setup.factors[associations[i].factor];
    char rho[32], range[96];
    std::snprintf(rho, sizeof rho, "%+.2f", associations[i].rho);
    std::snprintf(range, sizeof range, "%g – %g", f.min, f.max);
    rows.push_back({std::to_string(i + 1), escaped(f.key), rho, f.values.empty() ? range : ""});
  }
  char noise[32];
  std::snprintf(noise, sizeof noise, "%.2f", noise_level);
  if (rows.empty()) return element("p", filled(word("a.no_drivers", language), {noise}));
  return element("p", filled(word("a.drivers", language), {noise})) +
         html_table({word("t.rank", language), word("t.assumption", language), word("t.rho", language),
                     word("t.range", language)},
                    rows, "numbers");
}

std::string assumptions(const BriefInput& in, std::size_t p, Language language) {
  const auto& a = in.results.assumptions;
  std::string html = element("h3", word("h.assumptions", language));
  if (!a) return html + element("p", word("a.none", language));
  const char* where = a->setup.district == gov::AssumptionDistrict::small ? "a.small_district" : "a.scenario_district";
  html += element("p", filled(word("a.intro", language), {std::to_string(a->draws.draws.size()),
                                                          std::to_string(a->setup.factors.size()), word(where, language)}));
  return html + assumption_table(*a, p, language) + drivers_table(*a, p, language);
}

}  // namespace

std::string policy_sections(const BriefInput& in, std::size_t p, Language language) {
  const auto& name = in.loaded.policies[p].document.name;
  return "<section class=\"policy\">" + element("h2", filled(word("h.policy", language), {name})) +
         element("h3", word("h.summary", language)) + summary(in, p, language) + changes_table(in, p, language) +
         headline_table(in, p, language) + over_time(in, p, language) + for_whom(in, p, language) +
         cost(in, p, language) + assumptions(in, p, language) + "</section>";
}

}  // namespace shanzhi::cli::brief
