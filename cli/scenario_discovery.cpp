#include "cli/scenario_discovery.hpp"

#include "cli/planning_figures.hpp"
#include "sim/experiments/classification_tree.hpp"
#include "sim/experiments/prim.hpp"
#include "sim/output/csv.hpp"
#include "sim/output/run_outputs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>

namespace shanzhi::cli {
namespace {

namespace ex = sim::experiments;

/// The sweep as PRIM reads it: numeric factors only, points with a mean only.
struct DiscoveryData {
  std::vector<std::string> factors;
  std::vector<std::size_t> columns;  ///< each factor's place in a point's settings
  std::vector<std::vector<double>> x;
  std::vector<bool> is_case;
  std::vector<double> low, high;  ///< the sweep's range of each factor
};

bool is_case(double mean, const PrimRequest& r) { return r.below ? mean < *r.below : mean > *r.above; }

DiscoveryData discovery_data(const PrimRequest& r, const ex::StoredResults& results, const std::vector<double>& means) {
  DiscoveryData d;
  d.columns = ex::numeric_factors(results);
  for (std::size_t j = 0; j < results.factors.size(); ++j) {
    if (std::find(d.columns.begin(), d.columns.end(), j) != d.columns.end()) d.factors.push_back(results.factors[j].key);
    else std::cout << "  " << results.factors[j].key << " is left out: PRIM needs numbers, it takes names\n";
  }
  d.low.assign(d.columns.size(), std::numeric_limits<double>::infinity());
  d.high.assign(d.columns.size(), -std::numeric_limits<double>::infinity());
  for (const auto& point : results.points) {
    if (point.index >= means.size() || std::isnan(means[point.index])) continue;
    std::vector<double> row;
    for (std::size_t c = 0; c < d.columns.size(); ++c) {
      row.push_back(*sim::numeric_value(point.settings[d.columns[c]].second));
      d.low[c] = std::min(d.low[c], row.back());
      d.high[c] = std::max(d.high[c], row.back());
    }
    d.x.push_back(std::move(row));
    d.is_case.push_back(is_case(means[point.index], r));
  }
  return d;
}

/// A bound or range end for people: four significant digits (the CSV keeps every digit).
std::string short_number(double x) {
  char text[32];
  std::snprintf(text, sizeof text, std::fabs(x) >= 1e4 ? "%.0f" : "%.4g", x);
  return text;
}

std::string share(double x) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", 100 * x);
  return text;
}

void print_box(const ex::PrimBox& box, const DiscoveryData& d, const ex::PrimResult& result) {
  std::cout << "  box: coverage " << share(box.coverage) << " (" << box.cases << " of " << result.total_cases
            << " cases), density " << share(box.density) << " (" << box.cases << " of " << box.points
            << " points), mass " << share(box.mass) << "\n";
  bool any = false;
  for (std::size_t j = 0; j < d.factors.size(); ++j) {
    if (!box.restricted[j]) continue;
    any = true;
    std::cout << "    " << d.factors[j] << " in [" << short_number(box.low[j]) << ", " << short_number(box.high[j])
              << "] (swept " << short_number(d.low[j]) << " to " << short_number(d.high[j]) << ")\n";
  }
  if (!any) std::cout << "    no factor restricted: the cases are spread over the whole sweep\n";
  else std::cout << "    every other factor: any value swept\n";
}

std::vector<std::string> box_row(const std::string& name, const ex::PrimBox& box) {
  std::vector<std::string> row{name, sim::format_number(box.coverage), sim::format_number(box.density),
                               sim::format_number(box.mass), std::to_string(box.points), std::to_string(box.cases),
                               std::to_string(std::count(box.restricted.begin(), box.restricted.end(), true))};
  for (std::size_t j = 0; j < box.low.size(); ++j) {
    row.push_back(sim::format_number(box.low[j]));
    row.push_back(sim::format_number(box.high[j]));
  }
  return row;
}

std::string trajectory_csv(const ex::PrimResult& result, std::size_t chosen, const ex::PrimBox& pasted,
                           const DiscoveryData& d) {
  std::string text;
  std::vector<std::string> header{"box", "coverage", "density", "mass", "points", "cases", "restricted"};
  for (const auto& f : d.factors) header.push_back(sim::csv_field(f + ".low")), header.push_back(sim::csv_field(f + ".high"));
  sim::append_csv_line(text, header);
  for (std::size_t b = 0; b < result.trajectory.size(); ++b)
    sim::append_csv_line(text, box_row(std::to_string(b) + (b == chosen ? " chosen" : ""), result.trajectory[b]));
  sim::append_csv_line(text, box_row(std::to_string(chosen) + " pasted", pasted));
  return text;
}

void draw_trade_off(const std::filesystem::path& folder, const std::string& name, const ex::PrimResult& result,
                    std::size_t chosen, const ex::PrimBox& pasted, const std::string& title) {
  std::string data = "# coverage density restricted\n";
  for (const auto& box : result.trajectory)
    data += sim::format_number(box.coverage) + " " + sim::format_number(box.density) + " " +
            std::to_string(std::count(box.restricted.begin(), box.restricted.end(), true)) + "\n";
  data += "\n\n" + sim::format_number(result.trajectory[chosen].coverage) + " " +
          sim::format_number(result.trajectory[chosen].density) + "\n\n\n" + sim::format_number(pasted.coverage) + " " +
          sim::format_number(pasted.density) + "\n";
  const std::string script =
      "set terminal pngcairo size 800,560 noenhanced font 'WenQuanYi Micro Hei,10'\nset output '" + name + ".png'\n"
      "set title '" + gnuplot_text(title) + "'\nset xlabel 'coverage: share of all cases inside the box'\n"
      "set ylabel 'density: share of the box that are cases'\nset xrange [0:1.02]\nset yrange [0:1.02]\nset grid\n"
      "set key inside left bottom\n"
      "plot '" + name + ".dat' index 0 using 1:2 with linespoints pt 7 ps 0.7 lc rgb '#1f5fa8' title 'peeling trajectory', "
      "'' index 1 using 1:2 with points pt 6 ps 2.5 lw 2 lc rgb '#d62728' title 'chosen box', "
      "'' index 2 using 1:2 with points pt 9 ps 2 lc rgb '#2ca02c' title 'chosen box after pasting'\n";
  std::cout << "Wrote " << draw_figure(folder, name, data, script).string() << "\n";
}

/// The tree's leaves as rules, the largest share of cases first: printed (the first five) and
/// written to STEM-tree.csv.
void tree_rules(const DiscoveryData& d, const std::filesystem::path& folder, const std::string& stem) {
  const auto tree = ex::grow_tree(d.x, d.is_case);
  const auto rules = ex::leaf_rules(tree, d.factors);
  std::cout << "  classification tree (depth 3, leaves of 5 points or more): " << rules.size()
            << " leaves, the largest share of cases first\n";
  std::string csv;
  sim::append_csv_line(csv, {"leaf", "rule", "points", "cases", "case_share"});
  for (std::size_t i = 0; i < rules.size(); ++i) {
    std::string rule;
    for (const auto& c : rules[i].conditions) rule += (rule.empty() ? "" : " and ") + c;
    if (rule.empty()) rule = "every point";
    if (i < 5)
      std::cout << "    " << share(rules[i].case_share) << " cases (" << rules[i].cases << " of " << rules[i].points
                << " points): " << rule << "\n";
    sim::append_csv_line(csv, {std::to_string(i + 1), sim::csv_field(rule), std::to_string(rules[i].points),
                               std::to_string(rules[i].cases), sim::format_number(rules[i].case_share)});
  }
  const auto file = folder / (stem + "-tree.csv");
  sim::write_file_atomically(file, csv);
  std::cout << "Wrote " << file.string() << "\n";
}

}  // namespace

std::string prim_request_problem(const PrimRequest& r, const ex::StoredResults& results) {
  if (r.below.has_value() == r.above.has_value())
    return "--prim needs one threshold: --below T (cases fall below T) or --above T";
  for (const auto& outcome : results.outcomes)
    if (outcome.label() == r.outcome) return "";
  std::string labels;
  for (const auto& outcome : results.outcomes) labels += (labels.empty() ? "" : ", ") + outcome.label();
  return "--prim: " + results.name + " has no outcome '" + r.outcome + "'; it has " + labels;
}

void discover_scenarios(const PrimRequest& r, const ex::StoredResults& results, const std::vector<double>& means,
                        const std::filesystem::path& folder, const std::string& stem) {
  std::cout << "\nScenario discovery (PRIM): where is " << r.outcome << (r.below ? " below " : " above ")
            << sim::format_number(r.below ? *r.below : *r.above) << "?\n";
  const auto d = discovery_data(r, results, means);
  const auto cases = static_cast<std::size_t>(std::count(d.is_case.begin(), d.is_case.end(), true));
  if (cases == 0 || cases == d.x.size()) {
    std::cout << "  " << (cases ? "every" : "no") << " point of " << d.x.size()
              << " is a case: nothing to find (try another threshold)\n";
    return;
  }
  const auto result = ex::prim_peel(d.x, d.is_case, d.low, d.high);
  std::cout << "  " << result.total_cases << " of " << d.x.size() << " points are cases (" << share(result.base_density)
            << "); " << result.trajectory.size() - 1 << " peels\n";
  const auto chosen = ex::choose_box(result, r.min_density);
  const auto pasted = ex::paste(result.trajectory[chosen], d.x, d.is_case, d.low, d.high, result.total_cases);
  std::cout << "  chosen: box " << chosen << ", the largest coverage with density at least " << share(r.min_density)
            << " (or the densest; --min-density), after pasting:\n";
  print_box(pasted, d, result);
  const auto csv = folder / (stem + "-prim.csv");
  sim::write_file_atomically(csv, trajectory_csv(result, chosen, pasted, d));
  std::cout << "Wrote " << csv.string() << "\n";
  if (r.tree) tree_rules(d, folder, stem);
  draw_trade_off(folder, stem + "-prim", result, chosen, pasted,
                 results.name + ": " + r.outcome + (r.below ? " < " : " > ") +
                     sim::format_number(r.below ? *r.below : *r.above));
}

}  // namespace shanzhi::cli
