#pragma once
// Effects with their assumption uncertainty in the window: what `shanzhi compare --assumptions`
// wrote (assumptions.csv, assumption_bands.csv and each policy's timeseries_bands.csv), read back
// for the Compare tab, which shows the seed interval and the bands across assumption draws side
// by side. The logic without a window, unit-tested in viz/tests.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace shanzhi::viz {

/// One policy's effect on one metric (the last-year statistic), from assumptions.csv.
struct EffectWithBands {
  std::string policy;
  std::string metric;
  std::string unit;
  double effect = 0;  ///< at the scenarios' own values, with its 95% seed interval
  double seed_low = 0;
  double seed_high = 0;
  double median = 0;  ///< across assumption draws
  double q10 = 0;
  double q90 = 0;
  double q2_5 = 0;
  double q97_5 = 0;
  double p_sign = 0;  ///< share of draws with the effect's sign
  int draws = 0;

  /// The uncertainty that limits how precisely the effect may be shown: the larger of the seed
  /// interval's half-width and half the 10–90% range across draws.
  double shown_half_width() const;
};

/// The difference policy − baseline over recorded weeks: the seed band (mean and 95% interval
/// across replicates) and the assumption bands (median, 10–90% and 2.5–97.5% across draws).
struct EffectOverTime {
  std::vector<double> week, seed_mean, seed_low, seed_high;
  std::vector<double> median, q10, q90, q2_5, q97_5;
};

struct EffectUncertainty {
  std::string folder;                  ///< as opened
  std::vector<std::string> policies;   ///< in file order
  std::vector<EffectWithBands> effects;

  const EffectWithBands* find(const std::string& policy, const std::string& metric) const;
  /// Reads one policy's metric over time (both files); empty when either file lacks it.
  EffectOverTime over_time(const std::string& policy, const std::string& metric) const;
};

/// The result of opening a comparison folder: results, or the reason they cannot be shown.
struct EffectUncertaintyOpen {
  std::optional<EffectUncertainty> results;
  std::string error;
};

/// Opens the output folder of `shanzhi compare ... --assumptions` (or its assumptions.csv). A
/// missing folder, a comparison without --assumptions, or a malformed file gives `error` (never
/// throws), naming the file and line.
EffectUncertaintyOpen open_effect_uncertainty(const std::filesystem::path& folder_or_file);

/// `value` signed and rounded to what ± `half_width` supports, shares as percentages and money in
/// ¥ millions as `shanzhi compare` prints them: "+16", "+15.7", "+2.4%", "¥0.35m".
std::string format_effect(double value, double half_width, const std::string& unit);

}  // namespace shanzhi::viz
