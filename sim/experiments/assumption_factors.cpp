#include "sim/experiments/assumption_factors.hpp"

#include "sim/output/run_outputs.hpp"

#include <cmath>
#include <stdexcept>

namespace shanzhi::sim::experiments {

std::vector<Factor> plausible_range_factors(const std::vector<ParamInfo>& schema) {
  std::vector<Factor> factors;
  for (const auto& info : schema) {
    if (!info.is_assumption() || !info.plausible) continue;
    if (info.type != ParamType::real && info.type != ParamType::integer) continue;
    const auto& range = *info.plausible;
    if (!(range.low >= info.min && range.high <= info.max))
      throw std::logic_error("the plausible range of '" + info.key + "' (" + format_number(range.low) + " to " +
                             format_number(range.high) + ") lies outside the key's allowed range " +
                             info.range_text());
    Factor factor;
    factor.key = info.key;
    factor.role = FactorRole::uncertainty;
    factor.integer = info.type == ParamType::integer;
    factor.min = factor.integer ? std::ceil(range.low) : range.low;
    factor.max = factor.integer ? std::floor(range.high) : range.high;
    factor.where = SourceLocation{"schema", 0, 0};
    if (factor.min < factor.max) factors.push_back(std::move(factor));
  }
  return factors;
}

}  // namespace shanzhi::sim::experiments
