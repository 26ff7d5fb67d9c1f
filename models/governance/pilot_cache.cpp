#include "models/governance/pilot_cache.hpp"

#include "models/governance/model.hpp"
#include "models/governance/spec/parameter_schema.hpp"

#include <bit>
#include <cstdint>
#include <list>
#include <mutex>

namespace shanzhi::gov {
namespace {

/// Pilots held at most, and the residents they may hold together: the default district's pilot
/// has 28,000 residents (about 6 MB), so this keeps about twenty of those or a hundred small ones.
constexpr std::size_t max_pilots = 32;
constexpr std::size_t max_pilot_residents = 600'000;

struct Entry {
  std::string fingerprint;
  std::shared_ptr<const GovernanceModel> pilot;
  std::size_t residents = 0;
};

struct Cache {
  std::mutex mutex;
  std::list<Entry> recent;  // most recently used first
  std::size_t residents = 0;
  PilotCacheStats stats;
};

Cache& cache() {
  static Cache c;
  return c;
}

void append_value(std::string& out, const sim::ParamValue& value) {
  if (const auto* real = std::get_if<double>(&value)) {
    out += 'r';
    out += std::to_string(std::bit_cast<std::uint64_t>(*real));
  } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    out += 'i';
    out += std::to_string(*integer);
  } else if (const auto* flag = std::get_if<bool>(&value)) {
    out += *flag ? "b1" : "b0";
  } else {
    out += 's';
    out += std::get<std::string>(value);
  }
}

void evict_beyond_bounds(Cache& c) {
  while (!c.recent.empty() && (c.recent.size() > max_pilots || c.residents > max_pilot_residents)) {
    c.residents -= c.recent.back().residents;
    c.recent.pop_back();
  }
  c.stats.kept = c.recent.size();
}

}  // namespace

std::string parameter_fingerprint(const GovernanceParameters& params) {
  std::string out;
  for (const auto& entry : governance_schema().entries()) {
    out += entry.info.key;
    out += '=';
    append_value(out, entry.get(params));
    out += '\n';
  }
  return out;
}

std::shared_ptr<const GovernanceModel> finished_pilot(const GovernanceParameters& params,
                                                      const std::function<GovernanceModel()>& run_pilot) {
  auto& c = cache();
  const std::string fingerprint = parameter_fingerprint(params);
  {
    const std::lock_guard lock(c.mutex);
    for (auto it = c.recent.begin(); it != c.recent.end(); ++it) {
      if (it->fingerprint != fingerprint) continue;
      c.recent.splice(c.recent.begin(), c.recent, it);
      ++c.stats.hits;
      return it->pilot;
    }
  }
  auto pilot = std::make_shared<const GovernanceModel>(run_pilot());
  const std::size_t residents = pilot->state().residents.size();
  const std::lock_guard lock(c.mutex);
  ++c.stats.runs;
  c.recent.push_front({fingerprint, pilot, residents});
  c.residents += residents;
  evict_beyond_bounds(c);
  return pilot;
}

PilotCacheStats pilot_cache_stats() {
  auto& c = cache();
  const std::lock_guard lock(c.mutex);
  return c.stats;
}

void clear_pilot_cache() {
  auto& c = cache();
  const std::lock_guard lock(c.mutex);
  c.recent.clear();
  c.residents = 0;
  c.stats.kept = 0;
}

}  // namespace shanzhi::gov
