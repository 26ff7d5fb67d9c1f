// Replicate intervals, Sobol indices with bootstrap intervals, and Morris statistics.

#include "sim/experiments/analysis.hpp"

#include "sim/random.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace shanzhi::sim::experiments {
namespace {

constexpr Purpose bootstrap_resample = 1;
constexpr double bootstrap_confidence = 0.95;
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

void require(bool condition, const std::string& message) {
  if (!condition) throw std::invalid_argument(message);
}

void check_outputs(const UnitDesign& design, DesignKind kind, const std::vector<double>& y) {
  require(design.kind == kind, std::string(to_string(kind)) + " analysis needs a " + std::string(to_string(kind)) +
                                   " design, got " + std::string(to_string(design.kind)));
  require(y.size() == design.point_count(), "the design has " + std::to_string(design.point_count()) +
                                                " points but there are " + std::to_string(y.size()) + " outputs");
  for (std::size_t p = 0; p < y.size(); ++p)
    require(std::isfinite(y[p]), "output of design point " + std::to_string(p) + " is not a finite number");
}

double mean_of(const std::vector<double>& values) {
  double sum = 0;
  for (const double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

/// Sample standard deviation (n − 1 denominator) around `mean`; 0 for fewer than two values.
double sd_of(const std::vector<double>& values, double mean) {
  if (values.size() < 2) return 0;
  double squares = 0;
  for (const double v : values) squares += (v - mean) * (v - mean);
  return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

/// The q-quantile of `values` (sorted in place) by linear interpolation between order
/// statistics; NaN values are left out, and NaN comes back if nothing is left.
double quantile(std::vector<double>& values, double q) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
  if (values.empty()) return not_a_number;
  std::sort(values.begin(), values.end());
  const double position = q * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const auto above = std::min(below + 1, values.size() - 1);
  return std::lerp(values[below], values[above], position - static_cast<double>(below));
}

// ---------------------------------------------------------------------------------------------
// Sobol
//
// Per row r of the base samples the estimators average two terms per factor i:
//   first_i(r) = (f_B(r) − f̄)·(f_ABi(r) − f_A(r))      Saltelli et al. (2010), eq. (b)
//   total_i(r) = (f_A(r) − f_ABi(r))² / 2              Jansen (1999)
// and divide by V, the variance of f_A and f_B pooled (2N values). The bootstrap resamples the
// rows (the same rows for A, B and every AB_i), so it only needs these terms and the moments of
// f_A and f_B per row, computed once. Centring f_B on the pooled mean f̄ leaves the estimator's
// expectation unchanged (f_ABi − f_A has mean zero) but removes a variance proportional to f̄²:
// model outputs such as satisfaction sit near 70 with a spread of a point or two.

struct SobolTerms {
  std::size_t rows = 0, factors = 0;
  std::vector<double> first, total;  ///< [row * factors + i]
  std::vector<double> a, b;          ///< f_A and f_B per row

  SobolTerms(const UnitDesign& design, const std::vector<double>& y)
      : rows(design.base_samples), factors(design.dimensions), first(rows * factors), total(rows * factors),
        a(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(rows)),
        b(y.begin() + static_cast<std::ptrdiff_t>(rows), y.begin() + static_cast<std::ptrdiff_t>(2 * rows)) {
    double pooled_sum = 0;
    for (std::size_t r = 0; r < rows; ++r) pooled_sum += a[r] + b[r];
    const double pooled_mean = rows > 0 ? pooled_sum / (2.0 * static_cast<double>(rows)) : 0.0;
    for (std::size_t i = 0; i < factors; ++i) {
      const double* ab = y.data() + (2 + i) * rows;
      for (std::size_t r = 0; r < rows; ++r) {
        first[r * factors + i] = (b[r] - pooled_mean) * (ab[r] - a[r]);
        total[r * factors + i] = 0.5 * (a[r] - ab[r]) * (a[r] - ab[r]);
      }
    }
  }
};

/// Sums over a multiset of rows, from which the indices follow.
struct SobolSums {
  std::size_t count = 0;
  double sum = 0, sum_of_squares = 0;  ///< of f_A and f_B together
  std::vector<double> first, total;

  explicit SobolSums(std::size_t factors) : first(factors), total(factors) {}

  void add(const SobolTerms& terms, std::size_t r) {
    ++count;
    sum += terms.a[r] + terms.b[r];
    sum_of_squares += terms.a[r] * terms.a[r] + terms.b[r] * terms.b[r];
    for (std::size_t i = 0; i < terms.factors; ++i) {
      first[i] += terms.first[r * terms.factors + i];
      total[i] += terms.total[r * terms.factors + i];
    }
  }

  /// Pooled variance of f_A and f_B (population form, as the estimators' means are).
  double variance() const {
    const double n = 2.0 * static_cast<double>(count);
    const double mean = sum / n;
    return std::max(0.0, sum_of_squares / n - mean * mean);
  }
  /// An index is undefined when the output does not vary.
  double index(double term_sum) const {
    const double v = variance();
    return v > 0 ? term_sum / static_cast<double>(count) / v : not_a_number;
  }
};

/// The pooled variance by a two-pass sum, for the point estimate: the one-pass form in
/// SobolSums loses digits when the mean is large next to the spread.
double pooled_variance(const SobolTerms& terms) {
  double sum = 0;
  for (std::size_t r = 0; r < terms.rows; ++r) sum += terms.a[r] + terms.b[r];
  const double mean = sum / (2.0 * static_cast<double>(terms.rows));
  double squares = 0;
  for (std::size_t r = 0; r < terms.rows; ++r)
    squares += (terms.a[r] - mean) * (terms.a[r] - mean) + (terms.b[r] - mean) * (terms.b[r] - mean);
  return squares / (2.0 * static_cast<double>(terms.rows));
}

SobolSums resample(const SobolTerms& terms, std::uint64_t seed, std::size_t resample_index) {
  RandomStream random(seed, static_cast<std::uint32_t>(resample_index), 0, bootstrap_resample);
  SobolSums sums(terms.factors);
  for (std::size_t k = 0; k < terms.rows; ++k) sums.add(terms, random.below(static_cast<std::uint32_t>(terms.rows)));
  return sums;
}

/// Fills the percentile intervals of every index from `resamples` bootstrap samples.
void add_bootstrap_intervals(const SobolTerms& terms, std::size_t resamples, std::uint64_t seed,
                             std::vector<SobolIndex>& indices) {
  const std::size_t d = terms.factors;
  std::vector<std::vector<double>> first(d), total(d);
  for (std::size_t s = 0; s < resamples; ++s) {
    const auto sums = resample(terms, seed, s);
    for (std::size_t i = 0; i < d; ++i) {
      first[i].push_back(sums.index(sums.first[i]));
      total[i].push_back(sums.index(sums.total[i]));
    }
  }
  const double tail = (1 - bootstrap_confidence) / 2;
  for (std::size_t i = 0; i < d; ++i) {
    indices[i].first_low = quantile(first[i], tail);
    indices[i].first_high = quantile(first[i], 1 - tail);
    indices[i].total_low = quantile(total[i], tail);
    indices[i].total_high = quantile(total[i], 1 - tail);
  }
}

}  // namespace

MeanInterval mean_with_interval(const std::vector<double>& values, double confidence) {
  require(confidence > 0 && confidence < 1, "confidence must lie strictly between 0 and 1");
  MeanInterval result;
  result.n = values.size();
  if (values.empty()) {
    result.mean = result.half_width = result.sd = not_a_number;
    return result;
  }
  result.mean = mean_of(values);
  result.sd = sd_of(values, result.mean);
  if (values.size() < 2) return result;
  const boost::math::students_t t(static_cast<double>(values.size() - 1));
  const double t_quantile = boost::math::quantile(t, 1 - (1 - confidence) / 2);
  result.half_width = t_quantile * result.sd / std::sqrt(static_cast<double>(values.size()));
  return result;
}

std::vector<SobolIndex> sobol_indices(const UnitDesign& design, const std::vector<double>& y,
                                      std::size_t bootstrap_resamples, std::uint64_t seed) {
  check_outputs(design, DesignKind::sobol, y);
  require(design.base_samples >= 2, "Sobol indices need at least 2 base samples");
  const SobolTerms terms(design, y);
  const double variance = pooled_variance(terms);
  std::vector<SobolIndex> indices(design.dimensions);
  for (std::size_t i = 0; i < design.dimensions; ++i) {
    double first = 0, total = 0;
    for (std::size_t r = 0; r < terms.rows; ++r) {
      first += terms.first[r * terms.factors + i];
      total += terms.total[r * terms.factors + i];
    }
    const double scale = variance > 0 ? 1 / (variance * static_cast<double>(terms.rows)) : not_a_number;
    indices[i].first = first * scale;
    indices[i].total = total * scale;
    indices[i].first_low = indices[i].first_high = indices[i].first;
    indices[i].total_low = indices[i].total_high = indices[i].total;
  }
  if (bootstrap_resamples > 0) add_bootstrap_intervals(terms, bootstrap_resamples, seed, indices);
  return indices;
}

std::vector<MorrisIndex> morris_indices(const UnitDesign& design, const std::vector<double>& y) {
  check_outputs(design, DesignKind::morris, y);
  const std::size_t d = design.dimensions;
  require(design.point_count() == design.base_samples * (d + 1),
          "a Morris design has d + 1 points per trajectory");
  std::vector<std::vector<double>> effects(d);
  for (std::size_t t = 0; t < design.base_samples; ++t) {
    for (std::size_t step = 1; step <= d; ++step) {
      const std::size_t before = t * (d + 1) + step - 1, after = before + 1;
      std::size_t moved = d;
      for (std::size_t j = 0; j < d; ++j) {
        if (design.at(after, j) == design.at(before, j)) continue;
        require(moved == d, "step " + std::to_string(step) + " of trajectory " + std::to_string(t) +
                                " moves more than one factor");
        moved = j;
      }
      require(moved < d, "step " + std::to_string(step) + " of trajectory " + std::to_string(t) + " moves no factor");
      const double delta = design.at(after, moved) - design.at(before, moved);
      effects[moved].push_back((y[after] - y[before]) / delta);
    }
  }
  std::vector<MorrisIndex> indices(d);
  for (std::size_t j = 0; j < d; ++j) {
    std::vector<double> magnitudes(effects[j].size());
    std::transform(effects[j].begin(), effects[j].end(), magnitudes.begin(), [](double e) { return std::fabs(e); });
    const bool none = effects[j].empty();  // a factor no trajectory moved has no effect to report
    indices[j].mu = none ? not_a_number : mean_of(effects[j]);
    indices[j].mu_star = none ? not_a_number : mean_of(magnitudes);
    indices[j].sigma = none ? not_a_number : sd_of(effects[j], indices[j].mu);
  }
  return indices;
}

}  // namespace shanzhi::sim::experiments
