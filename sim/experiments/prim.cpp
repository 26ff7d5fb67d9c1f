#include "sim/experiments/prim.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <stdexcept>

namespace shanzhi::sim::experiments {
namespace {

using Matrix = std::vector<std::vector<double>>;

bool inside(const PrimBox& box, const std::vector<double>& point) {
  for (std::size_t j = 0; j < point.size(); ++j)
    if (point[j] < box.low[j] || point[j] > box.high[j]) return false;
  return true;
}

/// Counts and shares of `box` (its bounds set), with which factors it restricts.
void measure(PrimBox& box, const Matrix& x, const std::vector<bool>& is_case, const std::vector<double>& range_low,
             const std::vector<double>& range_high, std::size_t total_cases) {
  box.points = box.cases = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (inside(box, x[i])) ++box.points, box.cases += is_case[i];
  box.mass = static_cast<double>(box.points) / static_cast<double>(x.size());
  box.density = box.points ? static_cast<double>(box.cases) / static_cast<double>(box.points) : 0;
  box.coverage = total_cases ? static_cast<double>(box.cases) / static_cast<double>(total_cases) : 0;
  box.restricted.assign(box.low.size(), false);
  for (std::size_t j = 0; j < box.low.size(); ++j)
    box.restricted[j] = box.low[j] > range_low[j] || box.high[j] < range_high[j];
}

/// Better for peeling and pasting: denser, then (on a tie) holding more points.
bool better(const PrimBox& a, const PrimBox& b) {
  if (a.density != b.density) return a.density > b.density;
  return a.points > b.points;
}

/// Factor j's values of the points inside `box`, ascending.
std::vector<double> values_inside(const PrimBox& box, const Matrix& x, std::size_t j) {
  std::vector<double> v;
  for (const auto& point : x)
    if (inside(box, point)) v.push_back(point[j]);
  std::sort(v.begin(), v.end());
  return v;
}

void check_shapes(const Matrix& x, const std::vector<bool>& is_case, const std::vector<double>& range_low,
                  const std::vector<double>& range_high) {
  if (x.empty()) throw std::invalid_argument("PRIM needs at least one point");
  if (is_case.size() != x.size()) throw std::invalid_argument("PRIM: one case flag per point is needed");
  for (const auto& point : x)
    if (point.size() != range_low.size() || range_high.size() != range_low.size())
      throw std::invalid_argument("PRIM: every point needs one value per factor");
}

}  // namespace

PrimResult prim_peel(const Matrix& x, const std::vector<bool>& is_case, const std::vector<double>& range_low,
                     const std::vector<double>& range_high, const PrimOptions& options) {
  check_shapes(x, is_case, range_low, range_high);
  PrimResult result;
  result.total_cases = static_cast<std::size_t>(std::count(is_case.begin(), is_case.end(), true));
  result.base_density = static_cast<double>(result.total_cases) / static_cast<double>(x.size());
  PrimBox box{range_low, range_high, 0, 0, 0, 0, 0, {}};
  measure(box, x, is_case, range_low, range_high, result.total_cases);
  result.trajectory.push_back(box);
  const auto min_points = static_cast<std::size_t>(std::ceil(options.min_mass * static_cast<double>(x.size())));
  for (;;) {
    const auto& current = result.trajectory.back();
    std::optional<PrimBox> best;
    for (std::size_t j = 0; j < range_low.size(); ++j) {
      const auto v = values_inside(current, x, j);
      const auto k = std::max<std::size_t>(1, static_cast<std::size_t>(options.peel_alpha * static_cast<double>(v.size())));
      if (v.size() <= k) continue;
      for (const bool from_below : {true, false}) {
        PrimBox candidate = current;
        if (from_below) candidate.low[j] = v[k];
        else candidate.high[j] = v[v.size() - 1 - k];
        measure(candidate, x, is_case, range_low, range_high, result.total_cases);
        // Ties can leave nothing to peel; a box below the minimum mass is not peeled to.
        if (candidate.points == current.points || candidate.points < min_points) continue;
        if (!best || better(candidate, *best)) best = candidate;
      }
    }
    if (!best) break;
    result.trajectory.push_back(*best);
  }
  return result;
}

std::size_t choose_box(const PrimResult& result, double min_density) {
  std::size_t chosen = 0;
  bool reached = false;
  for (std::size_t b = 0; b < result.trajectory.size(); ++b) {
    const auto& box = result.trajectory[b];
    if (box.density >= min_density) {
      if (!reached || box.coverage > result.trajectory[chosen].coverage) chosen = b;
      reached = true;
    } else if (!reached && box.density > result.trajectory[chosen].density) {
      chosen = b;
    }
  }
  return chosen;
}

PrimBox paste(const PrimBox& start, const Matrix& x, const std::vector<bool>& is_case, const std::vector<double>& range_low,
              const std::vector<double>& range_high, std::size_t total_cases, const PrimOptions& options) {
  PrimBox box = start;
  for (;;) {
    std::optional<PrimBox> best;
    const auto k = std::max<std::size_t>(1, static_cast<std::size_t>(options.paste_alpha * static_cast<double>(box.points)));
    for (std::size_t j = 0; j < range_low.size(); ++j) {
      // The points just outside the box on factor j alone, nearest first on each side.
      std::vector<double> below, above;
      PrimBox open = box;
      open.low[j] = range_low[j];
      open.high[j] = range_high[j];
      for (const auto& point : x) {
        if (!inside(open, point)) continue;
        if (point[j] < box.low[j]) below.push_back(point[j]);
        if (point[j] > box.high[j]) above.push_back(point[j]);
      }
      std::sort(below.begin(), below.end(), std::greater<>());
      std::sort(above.begin(), above.end());
      for (const bool downwards : {true, false}) {
        const auto& side = downwards ? below : above;
        if (side.empty()) continue;
        PrimBox candidate = box;
        const double bound = side[std::min(k, side.size()) - 1];
        (downwards ? candidate.low[j] : candidate.high[j]) = bound;
        measure(candidate, x, is_case, range_low, range_high, total_cases);
        if (candidate.density > box.density && (!best || better(candidate, *best))) best = candidate;
      }
    }
    if (!best) return box;
    box = *best;
  }
}

}  // namespace shanzhi::sim::experiments
