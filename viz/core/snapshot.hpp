#pragma once
// What the UI sees of a run: immutable snapshots published by the simulation thread. A snapshot
// shares its per-week frames with earlier snapshots (frames never change once made), so
// publishing a new one each week copies only pointers, and the UI never waits for the model.

#include "core/run_setup.hpp"
#include "models/governance/model.hpp"
#include "sim/metrics.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace shanzhi::viz {

/// Resident-level colourings of the map. Satisfaction and trust are per cell; unmet need and
/// participation exist per community only and colour all its cells.
enum class MapMetric { satisfaction, trust, unmet_need, participation };
inline constexpr int map_metric_count = 4;

/// The district's fixed geometry as the map draws it: each community's residents are split in
/// cells of `residents_per_cell` (one resident = a dot in small districts, a building otherwise).
struct DistrictShape {
  struct CommunityShape {
    int street = 0;
    std::uint32_t first_cell = 0;
    std::uint32_t cell_count = 0;
    std::uint32_t first_resident = 0;
    std::uint32_t residents = 0;
  };
  int streets = 0;
  std::vector<CommunityShape> communities;
  std::uint32_t residents_per_cell = 1;
  std::uint32_t cell_count = 0;
  std::vector<std::uint32_t> unit_community;      ///< resident units (驻区单位)
  std::vector<std::uint32_t> property_community;  ///< property companies, one per compound

  /// Cell holding resident `resident` of community `c`.
  std::uint32_t cell_of(std::size_t c, std::uint32_t resident) const {
    const auto& cs = communities[c];
    return cs.first_cell + (resident - cs.first_resident) / residents_per_cell;
  }
};

/// Largest district drawn one dot per resident; above it residents are grouped by building.
inline constexpr std::uint32_t max_residents_as_dots = 6000;

DistrictShape make_district_shape(const gov::ModelState& state);

struct OrganizationMark {
  std::uint32_t slot = 0;
  std::uint32_t generation = 0;
  int street = 0;
  bool professional = false;
  float quality = 0;
  float staff = 0;
  float cash_yuan = 0;
};

/// The state of one recorded week as the UI needs it.
struct WeekFrame {
  int week = 0;                  ///< recorded week: negative during burn-in, 0 = end of burn-in
  std::vector<double> metrics;   ///< the recorder's row, in recorder order
  std::vector<float> cell_satisfaction;
  std::vector<float> cell_trust;
  std::array<std::vector<float>, map_metric_count> community;  ///< per community, by MapMetric
  std::vector<OrganizationMark> organizations;  ///< operating ones
  std::vector<std::uint8_t> unit_facilities_open;
  std::vector<float> property_quality;
};

/// Builds the frame of the week just recorded by `model` (its recorder's last row).
WeekFrame make_frame(const gov::GovernanceModel& model, const DistrictShape& shape);

struct EventMarker {
  int week = 0;  ///< recorded week
  std::string label;
};

struct Snapshot {
  std::uint64_t version = 0;  ///< increases with every publication
  std::uint64_t run_id = 0;   ///< changes when a new run starts (load, reset, lesson replay)
  std::shared_ptr<const DistrictShape> shape;
  std::shared_ptr<const std::vector<sim::MetricInfo>> metrics;
  std::vector<std::shared_ptr<const WeekFrame>> frames;  ///< one per recorded week, in order
  std::vector<EventMarker> events;
  /// Where a change of a fiscal-year lever (budgets, the catalogue) takes effect: the first week
  /// of the next fiscal year after the change, labelled with the change.
  std::vector<EventMarker> fiscal_effects;

  // Status.
  std::string status_key;   ///< i18n key of what the thread is doing (building, burn-in, ...)
  bool playing = false;
  double weeks_per_second = 0;  ///< 0 = as fast as possible
  int model_week = 0;
  int burn_in_weeks = 0;
  int total_weeks = 0;
  int target_week = -1;     ///< recorded week "run to" stops at, or −1
  double last_step_ms = 0;
  std::string scenario_name;
  std::string scenario_path;
  std::uint64_t seed = 0;
  gov::GovernanceParameters active_parameters;
  RunSetup setup;           ///< the run as it can be replayed or saved (changes so far)
  std::string error;        ///< the last refused request, shown in the window
  std::uint64_t error_serial = 0;

  // Compare mode: a baseline twin with the same seed that ignores changes made after
  // `compare_from_week`; rows aligned with `frames` by index.
  bool compare_active = false;
  int compare_from_week = 0;  ///< recorded week the runs branch at
  bool compare_against_base = false;  ///< the baseline is another scenario (RunSetup::baseline)
  std::vector<std::shared_ptr<const std::vector<double>>> baseline_rows;

  int recorded_week() const { return frames.empty() ? -burn_in_weeks : frames.back()->week; }
  int horizon_weeks() const { return total_weeks - burn_in_weeks; }
  bool in_burn_in() const { return model_week < burn_in_weeks || frames.empty(); }
  bool finished() const { return model_week >= total_weeks && total_weeks > 0; }
  const WeekFrame* frame_at(int week) const;
};

/// A metric's values over the recorded weeks of `s` (x = weeks, y = values).
struct Series {
  std::vector<double> x;
  std::vector<double> y;
};
Series metric_series(const Snapshot& s, std::size_t metric);
/// Baseline twin's values of a metric, over the weeks it has reached.
Series baseline_series(const Snapshot& s, std::size_t metric);
/// Policy − baseline from the branch week on, over weeks both runs have reached.
Series difference_series(const Snapshot& s, std::size_t metric);
/// Index of a metric by name, or −1.
int metric_index(const Snapshot& s, std::string_view name);

}  // namespace shanzhi::viz
