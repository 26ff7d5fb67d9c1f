#pragma once
// Scenario discovery with PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999, as the
// EMA Workbench uses it): "under which conditions does the policy fail?" Given the points of a
// sweep (factor values) and which of them are cases of interest (e.g. satisfaction fell below a
// threshold), PRIM peels a box, a range on each factor, from the whole space a small slice at a
// time, each time removing the slice whose loss raises the share of cases inside the most. The
// peeling trajectory trades coverage (the share of all cases the box holds) against density (the
// share of the box's points that are cases); pasting then widens the chosen box again wherever
// that raises its density. Model-independent.

#include <cstddef>
#include <vector>

namespace shanzhi::sim::experiments {

struct PrimBox {
  std::vector<double> low, high;  ///< per factor; equal to the factor's range where unrestricted
  std::size_t points = 0;         ///< points inside
  std::size_t cases = 0;          ///< cases of interest inside
  double coverage = 0;            ///< cases inside / all cases
  double density = 0;             ///< cases inside / points inside
  double mass = 0;                ///< points inside / all points
  /// True for factors the box restricts (a bound inside the factor's range).
  std::vector<bool> restricted;
};

struct PrimOptions {
  double peel_alpha = 0.05;   ///< share of the box's points one peel removes
  double paste_alpha = 0.05;  ///< share of the box's points one paste adds
  double min_mass = 0.05;     ///< peeling stops before the box holds fewer points than this share
};

struct PrimResult {
  std::vector<PrimBox> trajectory;  ///< the whole space first, then one box per peel
  double base_density = 0;          ///< cases / points over the whole sweep
  std::size_t total_cases = 0;
};

/// Peels from the box [range_low, range_high] holding every point. `x[i][j]` is factor j of point
/// i; `is_case[i]` whether point i is a case of interest. Throws std::invalid_argument when the
/// shapes disagree or there are no points.
PrimResult prim_peel(const std::vector<std::vector<double>>& x, const std::vector<bool>& is_case,
                     const std::vector<double>& range_low, const std::vector<double>& range_high,
                     const PrimOptions& options = {});

/// The box of the trajectory a planner would read first: the one with the largest coverage whose
/// density reaches `min_density`; when none does, the densest.
std::size_t choose_box(const PrimResult& result, double min_density);

/// `box` widened, one slice at a time, on whichever side and factor raises its density most,
/// until no slice raises it.
PrimBox paste(const PrimBox& box, const std::vector<std::vector<double>>& x, const std::vector<bool>& is_case,
              const std::vector<double>& range_low, const std::vector<double>& range_high, std::size_t total_cases,
              const PrimOptions& options = {});

}  // namespace shanzhi::sim::experiments
